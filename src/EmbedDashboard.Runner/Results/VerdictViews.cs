namespace EmbedDashboard.Runner.Results;

/// <summary>
/// A run's primary metric as the verdict uses it: over the items that every comparable embedder of the dataset in
/// the experiment covers (the same-items rule), with its 95% bootstrap interval over those items, beside the run's
/// own full-coverage score and coverage.
/// </summary>
/// <param name="Value">The primary metric over <paramref name="Items"/> (the common items).</param>
/// <param name="CiLow">Lower end of the percentile-bootstrap interval at <paramref name="Level"/>.</param>
/// <param name="FullCoverageValue">The primary metric over every item this run covered (what it scores on its own).</param>
/// <param name="CoveredItems">Test items this run could score (not OOV).</param>
/// <param name="TotalItems">Test items of the dataset that were to be scored.</param>
/// <param name="Comparable">False when the run scored a different item set from the dataset's other runs; its score is then over its own items and it is not compared.</param>
/// <param name="Note">Plain-language remark when the score is over a subset or not comparable; null otherwise.</param>
public sealed record RunScore(
    string Metric,
    double Value,
    double CiLow,
    double CiHigh,
    double Level,
    int Items,
    double FullCoverageValue,
    int CoveredItems,
    int TotalItems,
    bool Comparable,
    string? Note)
{
    public double Coverage => TotalItems == 0 ? double.NaN : CoveredItems / (double)TotalItems;

    public double OovRate => TotalItems == 0 ? double.NaN : 1 - Coverage;

    /// <summary>True when <see cref="Value"/> is over fewer items than the run covered (another embedder missed some).</summary>
    public bool OnCommonSubset => Items < CoveredItems;
}

/// <summary>
/// One run against the best general embedder of its dataset, by a paired bootstrap on the same items and the same
/// resamples. Δ is candidate − baseline in the metric's own units (the sentence shows it ×100 as "points").
/// When no test was made every number is null and <see cref="NoTestReason"/> says why.
/// </summary>
/// <param name="P">Raw two-sided p-value of the paired bootstrap.</param>
/// <param name="PHolm">P after Holm's correction across every comparison of the experiment.</param>
/// <param name="Significant">PHolm below 1 − level (0.05 for 95%).</param>
public sealed record Comparison(
    int DatasetId,
    int RunId,
    string EmbedderName,
    bool IsGeneral,
    int? BaselineRunId,
    string? BaselineName,
    string Metric,
    double? Delta,
    double? CiLow,
    double? CiHigh,
    double? P,
    double? PHolm,
    bool Significant,
    int Items,
    string? NoTestReason)
{
    /// <summary>The comparison in one sentence, e.g. "On IMDB, X beats the best general embedder (Y) by +11.9 accuracy points [95% CI +10.1, +13.6], p &lt; 0.001."</summary>
    public string Sentence { get; init; } = "";
}

/// <summary>A dataset's verdict: the baseline, every comparison against it, and the headline sentence.</summary>
/// <param name="Sentence">The headline: the best task-specific embedder against the best general one (or why there is no test).</param>
public sealed record DatasetVerdict(
    int DatasetId,
    string DatasetName,
    string? Metric,
    int? BaselineRunId,
    string? BaselineName,
    IReadOnlyList<Comparison> Comparisons,
    string Sentence);
