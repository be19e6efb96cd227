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
    /// <summary>
    /// General-purpose (pretrained for any text) or task-specific (trained here, or imported as pretrained for a
    /// task or domain — the user says which). Pretrained kinds are general unless the importer says otherwise.
    /// </summary>
    public bool IsGeneral { get; init; } = Kind is EmbedderKind.SentenceEncoder or EmbedderKind.StaticWordVectors;

    /// <summary>The embedder this one was derived from (fine-tuned, reduced, quantised), when there is one.</summary>
    public string? BaseEmbedderId { get; init; }

    /// <summary>How a transformer encoder pools, normalises, truncates and prefixes; null for static vectors.</summary>
    public EncoderProfile? Profile { get; init; }

    /// <summary>Where it lives in the app: built in, imported by a user, or trained here.</summary>
    public EmbedderOrigin Origin { get; init; } = Kind is EmbedderKind.SentenceEncoder or EmbedderKind.StaticWordVectors ? EmbedderOrigin.BuiltIn : EmbedderOrigin.Trained;
}

public enum EmbedderOrigin
{
    BuiltIn,
    Imported,
    Trained,
}

/// <summary>
/// A sentence encoder's own way of turning token vectors into one text vector, as its sentence-transformers
/// configuration says (modules.json, 1_Pooling, 2_Normalize, sentence_bert_config.json) or its importer chose.
/// Part of the embedder, so every run records it.
/// </summary>
/// <param name="MaxTokens">The model's own limit (max_seq_length); a run may ask for fewer, never more.</param>
/// <param name="QueryPrefix">Put before queries in retrieval and QA (e.g. arctic-embed's instruction), never before passages.</param>
/// <param name="PassagePrefix">Put before passages/documents in retrieval and QA (e.g. E5's "passage: ").</param>
public sealed record EncoderProfile(
    Pooling Pooling = Pooling.Mean,
    bool Normalize = true,
    int MaxTokens = 512,
    string QueryPrefix = "",
    string PassagePrefix = "",
    bool LowerCase = true)
{
    public static EncoderProfile Default { get; } = new();

    public string PrefixFor(TextRole role) => role switch
    {
        TextRole.Query => QueryPrefix,
        TextRole.Passage => PassagePrefix,
        _ => "",
    };
}

public enum Pooling
{
    Mean,
    Cls,
    Max,
}

/// <summary>What a text is to the task: retrieval encoders prefix queries and passages differently.</summary>
public enum TextRole
{
    /// <summary>Symmetric tasks (classification, similarity, clustering): no prefix.</summary>
    Text,
    Query,
    Passage,
}

public sealed record EmbedOptions
{
    public static EmbedOptions Default { get; } = new();

    /// <summary>Null: the embedder's own pooling (its profile), mean when it has none.</summary>
    public Pooling? Pooling { get; init; }
    public bool Normalize { get; init; } = true;
    public int MaxTokens { get; init; } = 256;
    public int BatchSize { get; init; } = 32;
    public TextRole Role { get; init; } = TextRole.Text;

    /// <summary>The pooling an encoder with this profile applies under these options.</summary>
    public Pooling PoolingFor(EncoderProfile? profile) => Pooling ?? profile?.Pooling ?? Embeddings.Pooling.Mean;
}

public readonly record struct EmbedProgress(int Done, int Total);
