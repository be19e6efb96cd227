namespace EmbedDashboard.Core.Embeddings.WordContext;

/// <summary>How a sentence encoder turns a word into a vector for the word-level tasks and probes.</summary>
public enum WordVectorMode
{
    /// <summary>The word embedded on its own, as a one-word text (the encoder's own pooling).</summary>
    Alone,

    /// <summary>The mean of the word's in-context vectors over its occurrences in a dataset's texts.</summary>
    InContext,
}

/// <summary>
/// The word-vector mode of a run or probe. In context, each word is the mean of the first sub-token hidden states
/// at up to <see cref="MaxOccurrences"/> of its occurrences (the first ones in text order) in the first
/// <see cref="MaxTexts"/> texts of <see cref="Dataset"/>; a word that never occurs there is not covered.
/// </summary>
public sealed record WordContextOptions
{
    public static WordContextOptions Alone { get; } = new();

    public WordVectorMode Mode { get; init; } = WordVectorMode.Alone;

    /// <summary>Id or exact name of the dataset whose texts give the contexts; needed in context only.</summary>
    public string? Dataset { get; init; }

    public int MaxOccurrences { get; init; } = 20;

    /// <summary>Texts read into the index (in stored order); bounds the index's memory.</summary>
    public int MaxTexts { get; init; } = 20000;

    /// <summary>Words on each side of an occurrence that go into the encoder with it (long texts are windowed).</summary>
    public int WindowWords { get; init; } = 24;

    public bool InContext => Mode == WordVectorMode.InContext;

    /// <summary>Specific problems with the numbers and the dataset reference, empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!InContext) return problems;
        if (string.IsNullOrWhiteSpace(Dataset)) problems.Add("In-context word vectors need a context dataset (one with texts, e.g. IMDB or Reuters).");
        if (MaxOccurrences is < 1 or > 1000) problems.Add($"Occurrences per word must be between 1 and 1,000 (got {MaxOccurrences}).");
        if (MaxTexts is < 1 or > 200000) problems.Add($"Context texts scanned must be between 1 and 200,000 (got {MaxTexts}).");
        if (WindowWords is < 1 or > 200) problems.Add($"Context window must be between 1 and 200 words each side (got {WindowWords}).");
        return problems;
    }

    /// <summary>Why a kind of embedder cannot take in-context vectors, or null when it can.</summary>
    public static string? NotApplicable(EmbedderInfo info, bool hasWordLevel) => info.Kind switch
    {
        EmbedderKind.StaticWordVectors or EmbedderKind.TrainedEmbeddingLayer =>
            $"'{info.DisplayName}' has one vector per word whatever its context, so in-context word vectors do not apply to it.",
        _ when !hasWordLevel => $"'{info.DisplayName}' gives no per-word vectors, so in-context word vectors cannot be made with it.",
        _ => null,
    };
}
