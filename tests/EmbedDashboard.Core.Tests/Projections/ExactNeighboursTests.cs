using System.Numerics.Tensors;
using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

public sealed class ExactNeighboursTests
{
    [Fact]
    public void Compute_RandomData_EqualsBruteForce()
    {
        // n = 300 spans several query blocks (64) and candidate blocks (256); d = 17 is not a SIMD width multiple.
        const int n = 300, d = 17, k = 7;
        var random = new Random(21);
        var data = Enumerable.Range(0, n * d).Select(_ => (float)random.NextDouble()).ToArray();

        var graph = ExactNeighbours.Compute(data, n, d, k);

        for (var i = 0; i < n; i++)
        {
            var expected = Enumerable.Range(0, n).Where(j => j != i)
                .Select(j => (J: j, D: Math.Sqrt(Enumerable.Range(0, d).Sum(c => Math.Pow(data[i * d + c] - data[j * d + c], 2)))))
                .OrderBy(t => t.D).ThenBy(t => t.J).Take(k).ToArray();
            Assert.Equal(expected.Select(t => t.J), graph.Indices.AsSpan(i * k, k).ToArray());
            for (var t = 0; t < k; t++) Assert.Equal(expected[t].D, graph.Distances[i * k + t], 1e-4);
        }
    }

    [Fact]
    public void Compute_DuplicatePoints_TiesOrderedByIndexAndSelfExcluded()
    {
        // Five copies of one point and one far point: each copy's neighbours are the other copies, lowest index first.
        var data = new float[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9 };

        var graph = ExactNeighbours.Compute(data, 6, 2, 3);

        Assert.Equal([1, 2, 3], graph.Indices[..3]);
        Assert.Equal([0, 1, 3], graph.Indices[(2 * 3)..(3 * 3)]);
        Assert.Equal([0, 1, 2], graph.Indices[(5 * 3)..]);
        Assert.Equal(0f, graph.Distances[0]);
    }

    [Fact]
    public void Compute_KNotBelowN_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ExactNeighbours.Compute(new float[10], 5, 2, 5));
        Assert.Contains("[1, 4]", ex.Message);
    }

    [Fact]
    public void Compute_CancelledMidRun_ThrowsOperationCanceledNotAggregate()
    {
        // Cancel after the first of 16 query blocks reports: workers must surface a plain
        // OperationCanceledException (what callers catch), not an AggregateException from Parallel.For.
        const int n = 1024, d = 64;
        var data = new float[n * d];
        for (var i = 0; i < data.Length; i++) data[i] = i % 97;
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(_ => cts.Cancel());

        var ex = Record.Exception(() => ExactNeighbours.Compute(data, n, d, 5, progress, cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.True(progress.Values.Count < 16, $"{progress.Values.Count} of 16 blocks finished after cancellation");
    }

    [Fact]
    public void Compute_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ExactNeighbours.Compute(new float[200], 100, 2, 3, cancellationToken: cts.Token));
    }
}
