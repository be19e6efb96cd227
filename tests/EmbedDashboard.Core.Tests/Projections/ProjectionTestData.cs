using System.Collections.Concurrent;
using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

/// <summary>Seeded synthetic data and checks shared by the t-SNE and UMAP tests.</summary>
internal static class ProjectionTestData
{
    /// <summary>
    /// n points in `clusters` isotropic Gaussian blobs (σ = 1 per coordinate) in d dimensions whose
    /// centres are drawn uniformly in [−10, 10]^d: centres are ≈ √(d·200/3) apart (≈ 58 for d = 50)
    /// against a blob radius of ≈ √d (≈ 7), so every method should keep the blobs apart. Label = i mod clusters.
    /// </summary>
    public static (float[] X, int[] Labels) Blobs(int n, int d, int clusters, int seed)
    {
        var random = new Random(seed);
        var centres = new double[clusters * d];
        for (var i = 0; i < centres.Length; i++) centres[i] = random.NextDouble() * 20 - 10;
        var x = new float[n * d];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % clusters;
            for (var j = 0; j < d; j++) x[i * d + j] = (float)(centres[labels[i] * d + j] + Gaussian(random));
        }

        return (x, labels);
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Leave-one-out 5-NN majority vote on the embedding: the share of points whose cluster it recovers.</summary>
    public static double NeighbourLabelAccuracy(float[] coordinates, int dim, int[] labels)
    {
        var n = labels.Length;
        var graph = ExactNeighbours.Compute(coordinates, n, dim, 5);
        var classes = labels.Max() + 1;
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var votes = new int[classes];
            for (var t = 0; t < 5; t++) votes[labels[graph.Indices[i * 5 + t]]]++;
            if (Array.IndexOf(votes, votes.Max()) == labels[i]) correct++;
        }

        return (double)correct / n;
    }
}

/// <summary>Synchronous, thread-safe progress sink (Progress&lt;T&gt; posts asynchronously, which would race the assertions).</summary>
internal sealed class RecordingProgress(Action<double>? onReport = null) : IProgress<double>
{
    public ConcurrentQueue<double> Values { get; } = new();

    public void Report(double value)
    {
        Values.Enqueue(value);
        onReport?.Invoke(value);
    }
}
