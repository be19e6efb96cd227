using System.ComponentModel.DataAnnotations;

namespace EmbedDashboard.Inference.Engine;

/// <summary>Section "Models" of appsettings.json.</summary>
public sealed class ModelsOptions
{
    public const string SectionName = "Models";

    /// <summary>Folder with the installed models; relative paths are taken from the repository root.</summary>
    [Required]
    public string Directory { get; set; } = "models";

    /// <summary>ONNX Runtime intra-op threads (0 = ONNX Runtime's default: all cores).</summary>
    [Range(0, 64)]
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Server folders the Models page may import from (a path outside every one of them is refused). Empty: server
    /// folders cannot be imported from the browser; uploads and the CLI still work.
    /// </summary>
    public string[] ImportRoots { get; set; } = [];

    /// <summary>Upper bound on what one import may occupy once unpacked or decompressed (zip-bomb guard).</summary>
    [Range(1L << 20, 1L << 40)]
    public long MaxImportBytes { get; set; } = 8L << 30;

    /// <summary>
    /// Upper bound on the on-disk embedding store (every vector computed, keyed by model SHA-256, options and text);
    /// past it the least recently used vectors are evicted. 0 turns the store off (vectors are then cached in memory only).
    /// </summary>
    [Range(0L, 1L << 44)]
    public long EmbeddingStoreBytes { get; set; } = 2L << 30;

    /// <summary>Folder of the embedding store; relative paths are taken from the repository root.</summary>
    [Required]
    public string EmbeddingStoreDirectory { get; set; } = "data/embedding-store";

    /// <summary>Upper bound on the files uploaded for one model in the browser.</summary>
    [Range(1L << 10, 1L << 40)]
    public long MaxUploadBytes { get; set; } = 2L << 30;
}
