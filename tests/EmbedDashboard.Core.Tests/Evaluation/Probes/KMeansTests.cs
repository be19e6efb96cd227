using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Tests.Evaluation.Probes;

public sealed class KMeansTests
{
    [Fact]
    public void Fit_WellSeparatedBlobs_Recovered()
    {
        var (x, y) = ToyData.Blobs(300, 5, 3, separation: 10, seed: 1);

        var result = KMeans.Fit(x, 300, 5, 3, seed: 1);

        Assert.Equal(1, ClusteringMetrics.AdjustedRandIndex(y, result.Labels), 12);
        // Every point is within the noise cube (side 1) of its centre: inertia ≤ n · d · 0.25.
        Assert.True(result.Inertia < 300 * 5 * 0.25, $"inertia {result.Inertia}");
    }

    [Fact]
    public void Fit_SameSeed_SameResult()
    {
        var (x, _) = ToyData.Blobs(200, 4, 4, separation: 0.3f, seed: 2);

        var first = KMeans.Fit(x, 200, 4, 4, seed: 7);
        var second = KMeans.Fit(x, 200, 4, 4, seed: 7);

        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Centroids, second.Centroids);
    }

    [Fact]
    public void Fit_CentroidsAreClusterMeans()
    {
        float[] x = [0, 0, 0, 2, 10, 10, 10, 12];

        var result = KMeans.Fit(x, 4, 2, 2, seed: 3);

        var centreOfFirst = result.Centroids.AsSpan(result.Labels[0] * 2, 2).ToArray();
        var centreOfLast = result.Centroids.AsSpan(result.Labels[3] * 2, 2).ToArray();
        Assert.Equal([0f, 1f], centreOfFirst);
        Assert.Equal([10f, 11f], centreOfLast);
        Assert.Equal(4, result.Inertia, 6); // computed by hand: four points each 1 away from their centre
    }

    [Fact]
    public void Fit_MoreClustersThanPoints_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit([0f, 1f], 2, 1, 3, seed: 1));
    }
}
