using System.Text.Json.Serialization;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Training.Artifacts;

public enum ArtifactType
{
    /// <summary>table.bin (rows × dimension float32) + words.txt: a fastText-style embedding table.</summary>
    EmbeddingTable,
    /// <summary>model.onnx + vocab.txt: a fine-tuned BERT encoder served by the shared ONNX engine.</summary>
    OnnxEncoder,
    /// <summary>pca.bin (mean + components): a base embedder projected to fewer dimensions.</summary>
    PcaReduction,
    /// <summary>table.bin + words.txt + tagger.json: an embedding layer trained with a NER window tagger (n-grams give unseen words a vector).</summary>
    TaggerTable,
}

/// <summary>
/// manifest.json of one trained embedder under models/trained/&lt;id&gt;/: what it is, what it was
/// trained on and how, and the figures measured while training. Written last, so a folder without it
/// is an unfinished save and is ignored.
/// </summary>
public sealed record TrainedManifest
{
    public const string FileName = "manifest.json";

    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter))] public required ArtifactType Type { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter))] public required EmbedderKind Kind { get; init; }
    public required int Dimension { get; init; }

    /// <summary>The file whose SHA-256 identifies the embedder (reproducibility metadata of every run).</summary>
    public required string MainFile { get; init; }
    public string MainFileSha256 { get; init; } = "";

    public string? BaseEmbedderId { get; init; }
    public required string Dataset { get; init; }
    public int? DatasetId { get; init; }
    public string? DatasetSha256 { get; init; }
    public int TrainExamples { get; init; }
    public int? TrainingJobId { get; init; }

    /// <summary>Plain-language method and options, e.g. "fastText-style layer, 100d, GloVe init, trainable, bigrams".</summary>
    public required string Method { get; init; }

    /// <summary>Measured figures: test_accuracy, examples_per_second, elapsed_seconds, …</summary>
    public IReadOnlyDictionary<string, double> Figures { get; init; } = new Dictionary<string, double>();

    public DateTimeOffset CreatedAt { get; init; }

    // Embedding-table extras: how texts map to rows.
    public int Buckets { get; init; }
    public bool WordBigrams { get; init; }
    public bool Subwords { get; init; }
    public int MaxWordsPerText { get; init; }

    public string License { get; init; } = "derived data: see the base model's and the dataset's licences";
}
