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
    string? BaseEmbedderId = null);

/// <summary>What a run cost; the x axis of the accuracy-vs-cost charts.</summary>
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
    double TotalSeconds);
