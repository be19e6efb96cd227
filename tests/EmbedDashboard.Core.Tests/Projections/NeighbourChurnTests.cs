using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

public sealed class NeighbourChurnTests
{
    /// <summary>Unit vectors at these angles (degrees) in the plane, row i scaled by <paramref name="scale"/>[i] (cosine ignores length).</summary>
    private static float[] Angles(double[] degrees, double[]? scale = null, int dimension = 2)
    {
        var data = new float[degrees.Length * dimension];
        for (var i = 0; i < degrees.Length; i++)
        {
            var s = scale?[i] ?? 1;
            data[i * dimension] = (float)(s * Math.Cos(degrees[i] * Math.PI / 180));
            data[i * dimension + 1] = (float)(s * Math.Sin(degrees[i] * Math.PI / 180));
        }

        return data;
    }

    [Fact]
    public void Compute_IdenticalEmbeddings_EveryOverlapIsOne()
    {
        var random = new Random(5);
        const int n = 150, d = 9;
        var data = Enumerable.Range(0, n * d).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();

        var result = NeighbourChurn.Compute(data, d, (float[])data.Clone(), d, n, 10);

        Assert.All(result.Overlap, o => Assert.Equal(1.0, o));
        Assert.Equal(1.0, result.MeanOverlap);
        Assert.Equal(n, result.Histogram[10]);
        Assert.Equal(0, result.Histogram.Take(10).Sum());
    }

    [Fact]
    public void Compute_TwoItemsSwapPlaces_HandWorkedOverlaps()
    {
        // A: items at 0°, 10°, 20°, 90°, 100°. B: items 2 and 3 swap places (90° and 20°). k = 2:
        //   item 0: A {1, 2}, B {1, 3} → 1/2      item 1: A {0, 2}, B {0, 3} → 1/2
        //   item 2: A {1, 0}, B {4, 3} → 0        item 3: A {4, 2}, B {1, 0} → 0      item 4: A {3, 2}, B {2, 3} → 1
        // Item 2 is 10× longer in A (Euclidean neighbours would differ, cosine ones do not), and B is 3-D.
        var a = Angles([0, 10, 20, 90, 100], scale: [1, 1, 10, 1, 1]);
        var b = Angles([0, 10, 90, 20, 100], dimension: 3);

        var result = NeighbourChurn.Compute(a, 2, b, 3, 5, 2);

        Assert.Equal([0.5, 0.5, 0, 0, 1], result.Overlap);
        Assert.Equal([2, 2, 1], result.Histogram);
        Assert.Equal([2, 3, 0, 1, 4], result.MostMoved);
        Assert.Equal([1, 2], result.FirstOf(0).ToArray());
        Assert.Equal([2, 3], result.SecondOf(4).ToArray());
        Assert.Equal(0.4, result.MeanOverlap, 12);
    }

    [Fact]
    public void Compute_KAtLeastNMinusOne_ClampsToEveryOtherItem()
    {
        var a = Angles([0, 50, 170]);
        var b = Angles([0, 120, 10]);

        var result = NeighbourChurn.Compute(a, 2, b, 2, 3, 10);

        Assert.Equal(10, result.RequestedK);
        Assert.Equal(2, result.K);
        Assert.All(result.Overlap, o => Assert.Equal(1.0, o));
    }

    [Fact]
    public void Compute_EqualOverlaps_MostMovedOrderedByRow()
    {
        // Every item's single neighbour differs: all overlaps 0, so the order is the rows' order.
        var a = Angles([0, 10, 90, 100]);
        var b = Angles([0, 90, 10, 100]);

        var result = NeighbourChurn.Compute(a, 2, b, 2, 4, 1);

        Assert.All(result.Overlap, o => Assert.Equal(0.0, o));
        Assert.Equal([0, 1, 2, 3], result.MostMoved);
    }

    [Fact]
    public void Compute_ZeroRow_ThrowsNamingTheRow()
    {
        var a = Angles([0, 10, 20]);
        var b = Angles([0, 10, 20]);
        b[2] = b[3] = 0;

        var ex = Assert.Throws<ArgumentException>(() => NeighbourChurn.Compute(a, 2, b, 2, 3, 1));

        Assert.Contains("Row 1 of the second matrix", ex.Message);
    }

    [Fact]
    public void Compute_LengthNotNTimesD_ThrowsWithBothSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => NeighbourChurn.Compute([1, 0, 0, 1, 1, 1], 2, new float[5], 2, 3, 1));

        Assert.Contains("second matrix has 5 values, not n × d = 3 × 2", ex.Message);
    }

    [Fact]
    public void Compute_FewerThanTwoItemsOrKBelowOne_Throws()
    {
        Assert.Contains("at least two items", Assert.Throws<ArgumentException>(() => NeighbourChurn.Compute([1f], 1, [1f], 1, 1, 1)).Message);
        Assert.Contains("at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourChurn.Compute(Angles([0, 9]), 2, Angles([0, 9]), 2, 2, 0)).Message);
    }

    [Fact]
    public void Compute_Cancelled_ThrowsOperationCanceled()
    {
        var a = Angles(Enumerable.Range(0, 200).Select(i => (double)i).ToArray());
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => NeighbourChurn.Compute(a, 2, a, 2, 200, 5, cancellationToken: cancel.Token));
    }
}

public sealed class ProjectionChurnTests
{
    [Fact]
    public void From_RowsMappedToItems_MovedFirstWithNeighbourItems()
    {
        var result = new NeighbourChurnResult(2, 2, 3, [0.5, 0, 1], [1, 1, 1], [1, 0, 2], [1, 2, 2, 0, 0, 1], [2, 1, 0, 2, 1, 0]);
        var first = new ChurnEmbedder("minilm", "MiniLM", "SentenceEncoder", true, "aa");
        var second = new ChurnEmbedder("glove", "GloVe", "StaticWordVectors", true, "bb");

        var churn = ProjectionChurn.From(result, [100, 200, 300], first, second, excluded: 4);

        Assert.Equal([200, 100, 300], churn.MostMoved.Select(m => m.Item));
        Assert.Equal([300, 100], churn.MostMoved[0].FirstNeighbours);
        Assert.Equal([100, 300], churn.MostMoved[0].SecondNeighbours);
        Assert.Equal(new ItemOverlap(100, 0.5), churn.Overlaps[0]);
        Assert.Equal((4, 3, 0.5), (churn.Excluded, churn.Items, churn.MeanOverlap));
        Assert.Equal("GloVe", churn.Second.Name);
    }

    [Fact]
    public void From_ItemCountDiffersFromRows_Throws()
    {
        var result = new NeighbourChurnResult(1, 1, 2, [1, 1], [0, 2], [0, 1], [1, 0], [1, 0]);
        var facts = new ChurnEmbedder("a", "A", "SentenceEncoder", true, "s");

        Assert.Contains("3 item numbers for 2 rows", Assert.Throws<ArgumentException>(() => ProjectionChurn.From(result, [1, 2, 3], facts, facts, 0)).Message);
    }
}
