namespace EmbedDashboard.Runner.Execution;

/// <summary>What makes a run reproducible; stored as JSON with every run and exported with results.</summary>
public sealed record ReproducibilityRecord(
    string EmbedderId,
    string ModelSha256,
    string DatasetSha256,
    int SplitSeed,
    int Seeds,
    int MaxItems,
    string Pooling,
    int MaxTokens,
    int BatchSize,
    IReadOnlyDictionary<string, string> LibraryVersions,
    string Runtime,
    string Os,
    int ProcessorCount,
    string QueryPrefix = "",
    string PassagePrefix = "",
    bool? LowerCase = null,
    string? BaseEmbedderId = null)
{
    /// <summary>Word tasks only: alone or in context of which dataset, and what was found there.</summary>
    public WordContextRecord? WordContext { get; init; }
}

/// <summary>What a run cost; the x axis of the accuracy-vs-cost charts.</summary>
/// <param name="TextsPerSecond">
/// Texts actually run through the model per second of embedding time: cache hits are not counted (they cost a lookup,
/// not an inference, and the cache outlives a run), so this compares with <paramref name="TokensPerSecond"/>, which
/// counts the encoded texts' tokens only.
/// </param>
/// <param name="Texts">Texts the evaluation asked for, cache hits included.</param>
/// <param name="CacheHits">Texts answered from the embedding cache instead of the model.</param>
/// <param name="PeakWorkingSetBytes">
/// Peak working set of the whole process, sampled every 200 ms while the run executed: it includes the loaded models,
/// the embedding cache and any run executing alongside, so it is an upper bound on the run's memory, not its own.
/// </param>
/// <param name="EncodedTexts">Texts actually run through the model (<paramref name="Texts"/> minus <paramref name="CacheHits"/>).</param>
public sealed record EfficiencyRecord(
    double TextsPerSecond,
    double TokensPerSecond,
    double MsPerBatch,
    long Texts,
    long Tokens,
    int CacheHits,
    double OovRate,
    long PeakWorkingSetBytes,
    int Dimension,
    long ModelFileBytes,
    double EmbedSeconds,
    double TotalSeconds,
    long EncodedTexts = 0);

/// <summary>
/// How a word task's words became vectors (null for other tasks): <paramref name="Mode"/> as applied,
/// <paramref name="Requested"/> as asked (static vectors asked in context run alone; <paramref name="NotApplicable"/> says why),
/// the context dataset with its content hash, the caps, and what was found: texts indexed, distinct words asked, covered, occurrences used.
/// </summary>
public sealed record WordContextRecord(
    string Mode,
    string Requested,
    string? NotApplicable,
    string? ContextDataset,
    string? ContextDatasetSha256,
    int? MaxOccurrences,
    int? MaxTexts,
    int? WindowWords,
    int? TextsIndexed,
    int? Words,
    int? WordsCovered,
    int? Occurrences);

public static class WordContextRecordText
{
    /// <summary>One line for the result page and the CLI: how this run's words became vectors.</summary>
    public static string Describe(this WordContextRecord record)
    {
        if (record.Mode != nameof(Core.Embeddings.WordContext.WordVectorMode.InContext))
        {
            return record.NotApplicable is null ? "each word alone" : "each word alone — " + record.NotApplicable;
        }

        var sha = record.ContextDatasetSha256 is { Length: >= 12 } h ? h[..12] + "…" : record.ContextDatasetSha256;
        return $"in context of '{record.ContextDataset}' (SHA-256 {sha}): mean of the first {record.MaxOccurrences} occurrence(s), ±{record.WindowWords} words, "
            + $"in {record.TextsIndexed:N0} text(s); {record.WordsCovered:N0} of {record.Words:N0} word(s) covered, {record.Occurrences:N0} occurrences";
    }
}
