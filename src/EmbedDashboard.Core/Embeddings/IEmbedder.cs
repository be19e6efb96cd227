namespace EmbedDashboard.Core.Embeddings;

/// <summary>
/// Turns texts into fixed-size vectors. Implemented by the shared ONNX engine (sentence encoders),
/// by static word vectors (GloVe: sentence = mean of known word vectors) and by task-specific
/// embedders trained in the app. Implementations must be thread-safe.
/// </summary>
public interface IEmbedder
{
    EmbedderInfo Info { get; }

    /// <summary>Embeds texts in batches. Row i of the result belongs to texts[i].</summary>
    Task<EmbeddingBatch> EmbedAsync(
        IReadOnlyList<string> texts,
        EmbedOptions options,
        IProgress<EmbedProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>Per-word vectors in context (NER): one vector per input word.</summary>
public interface IWordLevelEmbedder
{
    EmbedderInfo Info { get; }

    /// <summary>
    /// For each sentence (a list of words), one vector per word. Contextual encoders use the
    /// first sub-token of each word from last_hidden_state; static vectors use the word's own vector.
    /// Result rows are all words of all sentences, in order.
    /// </summary>
    Task<EmbeddingBatch> EmbedWordsAsync(
        IReadOnlyList<IReadOnlyList<string>> sentences,
        EmbedOptions options,
        IProgress<EmbedProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

public enum EmbedderKind
{
    /// <summary>Pretrained transformer sentence encoder (e.g. all-MiniLM-L6-v2).</summary>
    SentenceEncoder,
    /// <summary>Pretrained static word vectors (e.g. GloVe).</summary>
    StaticWordVectors,
    /// <summary>Embedding layer trained with a task model in this app.</summary>
    TrainedEmbeddingLayer,
    /// <summary>Encoder fine-tuned on a task in this app.</summary>
    FineTunedEncoder,
}

/// <summary>What the Models page and reproducibility metadata show about an embedder.</summary>
public sealed record EmbedderInfo(
    string Id,
    string DisplayName,
    EmbedderKind Kind,
    int Dimension,
    long ModelFileBytes,
    string ModelFileSha256,
    string Source,
    string License)
{
    /// <summary>General-purpose embedders are pretrained; the others are task-specific.</summary>
    public bool IsGeneral => Kind is EmbedderKind.SentenceEncoder or EmbedderKind.StaticWordVectors;
}

public enum Pooling
{
    Mean,
    Cls,
}

public sealed record EmbedOptions
{
    public static EmbedOptions Default { get; } = new();

    public Pooling Pooling { get; init; } = Pooling.Mean;
    public bool Normalize { get; init; } = true;
    public int MaxTokens { get; init; } = 256;
    public int BatchSize { get; init; } = 32;
}

public readonly record struct EmbedProgress(int Done, int Total);
