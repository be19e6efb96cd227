namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>Retrieval scores from the rank of the first relevant candidate.</summary>
public static class RankingMetrics
{
    /// <summary>
    /// 1-based rank of the best-scoring relevant candidate. Irrelevant candidates that tie with it
    /// rank ahead of it (pessimistic ties), so a degenerate embedder that gives every candidate the
    /// same score gets the worst rank, not the best. NaN scores count as −∞.
    /// </summary>
    public static int RankOfFirstRelevant(ReadOnlySpan<float> scores, ReadOnlySpan<int> relevant)
    {
        if (relevant.IsEmpty) throw new ArgumentException("At least one relevant candidate is needed.", nameof(relevant));
        var best = float.NegativeInfinity;
        foreach (var r in relevant) best = Math.Max(best, Clean(scores[r]));
        var ahead = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (Clean(scores[i]) >= best && !relevant.Contains(i)) ahead++;
        }

        return ahead + 1;

        static float Clean(float s) => float.IsNaN(s) ? float.NegativeInfinity : s;
    }

    public static double MeanReciprocalRank(IReadOnlyList<int> ranks) =>
        ranks.Count == 0 ? double.NaN : ranks.Average(r => 1.0 / r);

    /// <summary>Share of queries whose first relevant candidate is within the top k (recall@k for one relevant item per query).</summary>
    public static double RecallAtK(IReadOnlyList<int> ranks, int k) =>
        ranks.Count == 0 ? double.NaN : ranks.Count(r => r <= k) / (double)ranks.Count;
}
