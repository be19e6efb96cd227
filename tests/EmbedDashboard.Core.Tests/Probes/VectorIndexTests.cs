using EmbedDashboard.Core.Probes;

namespace EmbedDashboard.Core.Tests.Probes;

public sealed class VectorIndexTests
{
    /// <summary>Reference answer: every cosine in double precision from the raw (unnormalised) rows, sorted.</summary>
    private static List<(string Label, double Cosine)> BruteForce(IReadOnlyList<string> labels, Core.Embeddings.EmbeddingBatch batch, float[] query)
    {
        double Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
        {
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++) sum += (double)x[i] * y[i];
            return sum;
        }

        var queryNorm = Math.Sqrt(Dot(query, query));
        return Enumerable.Range(0, labels.Count)
            .Select(i => (labels[i], Dot(query, batch.Row(i)) / (queryNorm * Math.Sqrt(Dot(batch.Row(i), batch.Row(i))))))
            .OrderByDescending(x => x.Item2)
            .ToList();
    }

    /// <summary>The comparison is only meaningful if float rounding cannot swap neighbours: no near-ties in the compared prefix.</summary>
    private static void AssertNoNearTies(List<(string Label, double Cosine)> sorted, int upTo)
    {
        for (var i = 0; i + 1 < upTo; i++)
        {
            Assert.True(sorted[i].Cosine - sorted[i + 1].Cosine > 1e-5, $"near-tie at {i}: pick another seed");
        }
    }

    [Theory]
    [InlineData(500, 8, 1)]      // one block, searched on the calling thread
    [InlineData(60_000, 32, 2)]  // 1.9M floats: four parallel blocks of 16,384 rows, heaps merged
    public void Query_RandomVectors_EqualsBruteForce(int n, int d, int seed)
    {
        var (labels, batch) = ToyIndexes.Random(n, d, seed);
        var index = new VectorIndex(labels, batch);
        var query = Enumerable.Range(0, d).Select(i => (float)Math.Sin(i + seed)).ToArray();
        var brute = BruteForce(labels, batch, query);
        AssertNoNearTies(brute, 14);

        var fast = index.Query(query, 10);

        Assert.Equal(brute.Take(10).Select(b => b.Label), fast.Select(f => f.Label));
        Assert.All(fast, f => Assert.Equal(brute[f.Rank - 1].Cosine, f.Cosine, 5));
        Assert.Equal(Enumerable.Range(1, 10), fast.Select(f => f.Rank));

        // Excluding the three best shifts the answer by three places.
        var withoutBest = index.Query(query, 10, brute.Take(3).Select(b => b.Label).ToHashSet());
        Assert.Equal(brute.Skip(3).Take(10).Select(b => b.Label), withoutBest.Select(f => f.Label));
    }

    [Fact]
    public void Query_IdenticalRowsInDifferentBlocks_TiesInInsertionOrder()
    {
        // Rows 59,000, 100 and 30,000 (in three of the four parallel blocks) hold the same vector, so
        // their cosines are bit-identical; the result must not depend on which block finishes first.
        var (labels, batch) = ToyIndexes.Random(60_000, 32, seed: 4);
        var direction = Enumerable.Range(0, 32).Select(i => (float)Math.Cos(i)).ToArray();
        foreach (var row in new[] { 59_000, 100, 30_000 }) direction.CopyTo(batch.Data, row * 32);
        var index = new VectorIndex(labels, batch);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(["w100", "w30000", "w59000"], index.Query(direction, 3).Select(n => n.Label));
        }
    }

    [Fact]
    public void Constructor_MissingZeroAndRepeatedRows_LeftOutAndCounted()
    {
        float[] data = [1, 0, 0.9f, 0.1f, 0, 1, 1, 0.05f, 0, 0, 0.5f, 0.5f];
        var batch = ToyIndexes.Batch(data, 6, 2, [false, false, false, true, false, false]);

        var index = new VectorIndex(["a", "b", "c", "oov", "zero", "a"], batch);

        Assert.Equal(["a", "b", "c"], index.Labels);
        Assert.Equal((1, 1, 1, 3), (index.MissingExcluded, index.ZeroVectorsExcluded, index.DuplicateLabelsExcluded, index.Excluded));
        Assert.Equal(1f, index.Cosine("a", "a"), 6); // rows are stored unit-length
        Assert.Equal(0.9f / MathF.Sqrt(0.82f), index.Cosine("a", "b"), 6);
    }

    [Fact]
    public void QueryByLabel_KnownWord_ExcludesItself()
    {
        var index = ToyIndexes.FromAngles(("a", 0), ("b", 10), ("c", 30), ("d", 70));

        var neighbours = index.Query("b", 2);

        // From b at 10°: a is 10° away, c 20°, d 60°.
        Assert.Equal(["a", "c"], neighbours.Select(n => n.Label));
        Assert.Equal(MathF.Cos(10 * MathF.PI / 180), neighbours[0].Cosine, 5);
    }

    [Fact]
    public void QueryByLabel_UnknownWord_SaysItIsNotInTheVocabulary()
    {
        var index = ToyIndexes.FromAngles(("a", 0), ("b", 10));

        var error = Assert.Throws<KeyNotFoundException>(() => index.Query("xyz", 5));

        Assert.Equal("'xyz' is not in the vocabulary.", error.Message);
    }

    [Fact]
    public void Query_ZeroOrWrongSizedVector_Rejected()
    {
        var index = ToyIndexes.FromAngles(("a", 0), ("b", 10));

        Assert.Throws<ArgumentException>(() => index.Query([0f, 0f], 1));
        Assert.Throws<ArgumentException>(() => index.Query([1f, 0f, 0f], 1));
    }

    [Fact]
    public void Query_KLargerThanIndex_ReturnsEveryRow()
    {
        var index = ToyIndexes.FromAngles(("a", 0), ("b", 10), ("c", 30));

        Assert.Equal(["a", "b", "c"], index.Query([1f, 0f], 50).Select(n => n.Label));
        Assert.Empty(index.Query([1f, 0f], 0));
    }

    [Fact]
    public void RankOf_RandomIndex_MatchesQueryRanks()
    {
        var (labels, batch) = ToyIndexes.Random(3_000, 16, seed: 8);
        var index = new VectorIndex(labels, batch);
        var query = Enumerable.Range(0, 16).Select(i => (float)Math.Cos(3 * i)).ToArray();
        var exclude = new HashSet<string> { index.Query(query, 1)[0].Label };

        var top = index.Query(query, 25, exclude);

        Assert.All(top, n => Assert.Equal(n.Rank, index.RankOf(query, n.Label, exclude)));
        Assert.Null(index.RankOf(query, exclude.Single(), exclude));
        Assert.Null(index.RankOf(query, "not-a-word"));
    }
}
