using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// What every task evaluator returns and what is persisted and charted: the primary metric (with
/// spread over seeds), the other metrics by name, the item counts, the embedding cost and the wall
/// time. Each task's record adds its own typed details on top.
/// </summary>
public abstract record EvaluationResult
{
    public required TaskKind Task { get; init; }
    public required NamedMetric Primary { get; init; }

    /// <summary>Secondary metrics by stable snake_case name, in display order.</summary>
    public required IReadOnlyDictionary<string, Summary> Secondary { get; init; }

    public required EvaluationCounts Counts { get; init; }

    /// <summary>Cost of the embedding call(s) this evaluation made.</summary>
    public required EmbeddingStats Embedding { get; init; }

    /// <summary>Wall time of the whole evaluation, embedding included.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The primary metric's per-item outcomes on the scored test items, for confidence intervals, paired tests and
    /// the same-items rule; null where a task does not produce them.
    /// </summary>
    public Statistics.ItemOutcomes? Items { get; init; }

    /// <summary>Plain-language remarks for the UI (protocol used, what was skipped and why).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Every metric as one flat list for storage: the primary first, then the secondary ones, then
    /// the counts (items_evaluated, items_not_covered, items_skipped, coverage) and elapsed_seconds.
    /// </summary>
    public IReadOnlyList<NamedMetric> AllMetrics()
    {
        var metrics = new List<NamedMetric> { Primary };
        metrics.AddRange(Secondary.Select(m => new NamedMetric(m.Key, m.Value)));
        (string Name, double Value)[] bookkeeping =
        [
            ("items_evaluated", Counts.Evaluated),
            ("items_not_covered", Counts.NotCovered),
            ("items_skipped", Counts.Skipped),
            ("coverage", Counts.Coverage),
            ("elapsed_seconds", Elapsed.TotalSeconds),
        ];
        // A task may already report one of these under the same name; the task's own value wins.
        metrics.AddRange(bookkeeping.Where(b => b.Name != Primary.Name && !Secondary.ContainsKey(b.Name)).Select(b => new NamedMetric(b.Name, Summary.Single(b.Value))));
        return metrics;
    }
}
