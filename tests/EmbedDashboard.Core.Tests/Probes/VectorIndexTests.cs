using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Probes;

namespace EmbedDashboard.Core.Tests.Probes;

public sealed class VectorIndexTests
{
    private static (List<string> Labels, EmbeddingBatch Batch) Random(int n, int d, int seed, bool[]? missing = null)
    {
        var random = new Random(seed);
        var data = Enumerable.Range(0, n * d).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return (Enumerable.Range(0, n).Select(i => $"w{i}").ToList(), new EmbeddingBatch(data, n, d, missing ?? new bool[n], EmbeddingStats.Empty));
    }

    [Fact]
    public void Query_RandomVectorsAcrossBlocks_EqualsBruteForce()
    {
        // 20,000 rows span three parallel blocks of 8,192.
        var (labels, batch) = Random(20_000, 16, seed: 5);
        var index = new VectorIndex(labels, batch);
        var query = Enumerable.Range(0, 16).Select(i => (float)Math.Sin(i)).ToArray();

        var fast = index.Query(query, 10);

        var brute = Enumerable.Range(0, labels.Count)
            .Select(i => (Label: labels[i], Cos: TensorPrimitives.CosineSimilarity(query, batch.Row(i))))
            .OrderByDescending(x => x.Cos).Take(10).ToList();
        Assert.Equal(brute.Select(b => b.Label), fast.Select(f => f.Label));
        Assert.Equal(brute[0].Cos, fast[0].Cosine, 4);
        Assert.Equal(Enumerable.Range(1, 10), fast.Select(f => f.Rank));
    }

    [Fact]
    public void Query_ByLabel_ExcludesItselfAndMissingRows()
    {
        float[] data = [1, 0, 0.9f, 0.1f, 0, 1, 1, 0.05f];
        var batch = new EmbeddingBatch(data, 4, 2, [false, false, false, true], EmbeddingStats.Empty);
        var index = new VectorIndex(["a", "b", "c", "oov"], batch);

        var neighbours = index.Query("a", 5);

        Assert.Equal(1, index.Excluded);
        Assert.Equal(["b", "c"], neighbours.Select(n => n.Label));
    }

    [Fact]
    public void MarkUnique_TwoLists_LabelsOnlyOneHas()
    {
        var a = new NeighbourList("x", [new("ugly", 0.8f, 1), new("pretty", 0.7f, 2)], new HashSet<string>(), TimeSpan.Zero, null);
        var b = new NeighbourList("y", [new("pretty", 0.9f, 1), new("lovely", 0.8f, 2)], new HashSet<string>(), TimeSpan.Zero, null);

        var marked = NeighbourComparison.MarkUnique([a, b]);

        Assert.Equal(["ugly"], marked[0].Unique);
        Assert.Equal(["lovely"], marked[1].Unique);
        Assert.Equal(1.0 / 3, NeighbourComparison.Jaccard(["ugly", "pretty"], ["pretty", "lovely"]), 10);
    }
}
