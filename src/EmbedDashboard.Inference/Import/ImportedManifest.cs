using System.Text.Json.Serialization;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Inference.Import;

public enum ImportedFormat
{
    /// <summary>model.onnx + vocab.txt + config.json: a BERT-architecture encoder served by the shared engine.</summary>
    BertEncoder,
    /// <summary>vectors.edvec: static word vectors converted once to the project's binary format.</summary>
    WordVectors,
}

/// <summary>One file of an imported model with its checksum (provenance and reproducibility).</summary>
public sealed record ImportedFile(string Name, long Bytes, string Sha256);

/// <summary>
/// manifest.json of one imported model under models/imported/&lt;id&gt;/: what the user brought and said, what the
/// importer found and did, and every file's SHA-256. Written last into a temporary folder that is then renamed
/// into place, so a folder with a manifest is always complete.
/// </summary>
public sealed record ImportedManifest
{
    public const string FileName = "manifest.json";

    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter))] public required ImportedFormat Format { get; init; }
    public required bool IsGeneral { get; init; }
    public required int Dimension { get; init; }
    public required string MainFile { get; init; }
    public required string MainFileSha256 { get; init; }
    public string Source { get; init; } = "";
    public string License { get; init; } = "";

    /// <summary>What was imported: a server folder's full path, or the uploaded file names.</summary>
    public required string ImportedFrom { get; init; }
    public DateTimeOffset ImportedAt { get; init; }

    /// <summary>Encoders: pooling, normalisation, max tokens, prefixes, lower-casing (null for word vectors).</summary>
    public EncoderProfile? Profile { get; init; }

    /// <summary>What happened to the weights, e.g. "model.safetensors exported to ONNX by BertOnnxExporter (opset 17)".</summary>
    public string Conversion { get; init; } = "";
    public double ConversionSeconds { get; init; }
    public int? Words { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<ImportedFile> Files { get; init; } = [];
    public IReadOnlyList<ImportedFile> SourceFiles { get; init; } = [];

    public EmbedderKind Kind => Format == ImportedFormat.BertEncoder ? EmbedderKind.SentenceEncoder : EmbedderKind.StaticWordVectors;
}
