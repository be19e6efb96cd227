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
}
