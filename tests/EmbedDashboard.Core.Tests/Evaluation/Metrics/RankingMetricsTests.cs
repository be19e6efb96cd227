using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Tests.Evaluation.Metrics;

public sealed class RankingMetricsTests
{
    [Fact]
    public void RankOfFirstRelevant_TwoHigherScores_Three()
    {
        Assert.Equal(3, RankingMetrics.RankOfFirstRelevant([0.9f, 0.1f, 0.5f, 0.8f], [2]));
    }

    [Fact]
    public void RankOfFirstRelevant_SeveralRelevant_BestOneCounts()
    {
        Assert.Equal(2, RankingMetrics.RankOfFirstRelevant([0.9f, 0.1f, 0.5f, 0.8f], [1, 3]));
    }

    [Fact]
    public void RankOfFirstRelevant_AllTied_WorstRank()
    {
        // Pessimistic ties: an embedder that scores everything alike must not get rank 1.
        Assert.Equal(4, RankingMetrics.RankOfFirstRelevant([0f, 0f, 0f, 0f], [0]));
    }

    [Fact]
    public void RankOfFirstRelevant_NaNScores_CountAsLowest()
    {
        Assert.Equal(1, RankingMetrics.RankOfFirstRelevant([float.NaN, 0.2f, float.NaN], [1]));
    }

    [Fact]
    public void MrrAndRecall_HandRanks_KnownValues()
    {
        int[] ranks = [1, 2, 4, 11];

        // Computed by hand: (1 + 1/2 + 1/4 + 1/11) / 4.
        Assert.Equal((1 + 0.5 + 0.25 + 1.0 / 11) / 4, RankingMetrics.MeanReciprocalRank(ranks), 12);
        Assert.Equal(0.25, RankingMetrics.RecallAtK(ranks, 1));
        Assert.Equal(0.75, RankingMetrics.RecallAtK(ranks, 5));
        Assert.Equal(0.75, RankingMetrics.RecallAtK(ranks, 10));
    }
}
