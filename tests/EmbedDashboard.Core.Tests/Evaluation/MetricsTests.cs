using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Tests.Evaluation;

public sealed class MetricsTests
{
    [Fact]
    public void Spearman_PerfectAndReversed_PlusMinusOne()
    {
        Assert.Equal(1, RankCorrelation.Spearman([1, 2, 3, 4], [10, 20, 30, 40]), 10);
        Assert.Equal(-1, RankCorrelation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 10);
    }

    [Fact]
    public void Spearman_Ties_AverageRanks()
    {
        // x ranks (1, 2.5, 2.5, 4), y ranks (1, 2, 3, 4): Pearson of those by hand = 4.5 / sqrt(4.5 × 5) = 0.9486833.
        Assert.Equal(0.9486833, RankCorrelation.Spearman([1, 2, 2, 3], [1, 2, 3, 4]), 6);
    }

    [Fact]
    public void ClusteringScores_PermutedLabels_One()
    {
        int[] truth = [0, 0, 1, 1, 2, 2];
        int[] clusters = [5, 5, 3, 3, 9, 9];

        Assert.Equal(1, ClusteringMetrics.VMeasure(truth, clusters), 10);
        Assert.Equal(1, ClusteringMetrics.AdjustedRandIndex(truth, clusters), 10);
    }

    [Fact]
    public void AdjustedRandIndex_HandCase_KnownValue()
    {
        // truth [0,0,1,1], clusters [0,0,0,1]: index = C(2,2)+C(1,2)+C(1,2) = 1; a = 2, b = C(3,2) = 3;
        // expected = 2·3/6 = 1; max = 2.5 → ARI = (1 − 1)/(2.5 − 1) = 0.
        Assert.Equal(0, ClusteringMetrics.AdjustedRandIndex([0, 0, 1, 1], [0, 0, 0, 1]), 10);
    }

    [Fact]
    public void MacroF1_HandCase_KnownValue()
    {
        // class 0: tp 1, fp 0, fn 1 → F1 2/3; class 1: tp 2, fp 1, fn 0 → F1 4/5; mean = 0.7333…
        Assert.Equal(11.0 / 15, ClassificationMetrics.MacroF1([0, 0, 1, 1], [0, 1, 1, 1]), 10);
    }

    [Fact]
    public void Summary_SampleStd()
    {
        var s = Summary.Of([1, 2, 3, 4]);

        Assert.Equal(2.5, s.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.Std, 10); // sum of squares 5, n − 1 = 3
    }
}
