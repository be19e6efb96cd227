using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Tests.Evaluation.Metrics;

public sealed class ClusteringMetricsTests
{
    [Fact]
    public void Scores_IdenticalLabelling_One()
    {
        int[] labels = [0, 0, 1, 1, 2, 2];

        Assert.Equal(1, ClusteringMetrics.AdjustedRandIndex(labels, labels), 12);
        Assert.Equal(new VMeasureScores(1, 1, 1), ClusteringMetrics.VMeasure(labels, labels));
    }

    [Fact]
    public void Scores_PermutedClusterIds_One()
    {
        int[] truth = [0, 0, 1, 1, 2, 2];
        int[] clusters = [5, 5, 3, 3, 9, 9];

        Assert.Equal(1, ClusteringMetrics.AdjustedRandIndex(truth, clusters), 12);
        Assert.Equal(1, ClusteringMetrics.VMeasure(truth, clusters).VMeasure, 12);
    }

    [Fact]
    public void AdjustedRandIndex_HandCase_KnownValue()
    {
        // Computed by hand (Hubert & Arabie's formula): contingency cells 2, 1, 1, 2 → Σ C(nij, 2) = 2;
        // class pairs 3 + 3 = 6, cluster pairs 1 + 1 + 1 = 3, C(6, 2) = 15; expected 6·3/15 = 1.2,
        // max (6 + 3)/2 = 4.5 → ARI = (2 − 1.2)/(4.5 − 1.2) = 0.2424…
        Assert.Equal(0.8 / 3.3, ClusteringMetrics.AdjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 12);
    }

    [Fact]
    public void AdjustedRandIndex_HandCaseAtChance_Zero()
    {
        // Computed by hand: index 1, class pairs 2, cluster pairs 3, C(4, 2) = 6 → expected 1 = index.
        Assert.Equal(0, ClusteringMetrics.AdjustedRandIndex([0, 0, 1, 1], [0, 0, 0, 1]), 12);
    }

    [Fact]
    public void VMeasure_HandCase_KnownValues()
    {
        var scores = ClusteringMetrics.VMeasure([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]);

        // Computed by hand from the entropies (nats): H(C) = ln 2, H(C|K) = ln 2 / 3 → h = 2/3;
        // H(K) = ln 3, H(K|C) = (2/3)·ln(3/2) + (1/3)·ln 3 → c = 1 − H(K|C)/ln 3 = 0.420619835714305;
        // v = 2hc/(h + c) = 0.515803742979389 (arithmetic in python3).
        Assert.Equal(2.0 / 3, scores.Homogeneity, 12);
        Assert.Equal(0.420619835714305, scores.Completeness, 12);
        Assert.Equal(0.515803742979389, scores.VMeasure, 12);
    }

    [Fact]
    public void VMeasure_EveryItemItsOwnCluster_PerfectlyHomogeneousNotComplete()
    {
        var scores = ClusteringMetrics.VMeasure([0, 0, 1, 1], [0, 1, 2, 3]);

        Assert.Equal(1, scores.Homogeneity, 12);
        // Computed by hand: H(K|C) = ln 2, H(K) = ln 4 → c = 1/2.
        Assert.Equal(0.5, scores.Completeness, 12);
    }
}
