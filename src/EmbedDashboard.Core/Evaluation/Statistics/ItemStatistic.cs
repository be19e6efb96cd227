namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// How a primary metric is recomputed from a subset (or a resample) of its per-item rows. Stored (by value) with
/// every run: only append.
/// </summary>
public enum ItemStatistic
{
    /// <summary>Mean of column 0: accuracy (1/0, or the share of seeds right), reciprocal rank, hit@k.</summary>
    Mean,

    /// <summary>Spearman ρ between column 0 (the embedder's score, e.g. cosine) and column 1 (gold).</summary>
    Spearman,

    /// <summary>Entity F1 from summed counts: column 0 correct, 1 predicted, 2 gold entities of one sentence.</summary>
    EntityF1,
}
