using EmbedDashboard.Core.Probes;

namespace EmbedDashboard.Core.Tests.Probes;

public sealed class NeighbourComparisonTests
{
    // Same vocabulary, opposite geometry: around q (0°) the first embedder orders a, b, c, d, e and the
    // second e, d, c, b, a (10° steps), so every rank is read off the angles.
    private static readonly VectorIndex First = ToyIndexes.FromAngles(("q", 0), ("a", 10), ("b", 20), ("c", 30), ("d", 40), ("e", 50));
    private static readonly VectorIndex Second = ToyIndexes.FromAngles(("q", 0), ("e", 10), ("d", 20), ("c", 30), ("b", 40), ("a", 50));

    [Fact]
    public void Compare_OppositeOrders_ListsOnlyInOneAndFullRankChanges()
    {
        var result = NeighbourComparison.Compare("q", [("first", First), ("second", Second)], k: 2);

        Assert.Equal(["a", "b"], result.Lists[0].Neighbours.Select(n => n.Label));
        Assert.Equal(["e", "d"], result.Lists[1].Neighbours.Select(n => n.Label));
        Assert.Equal(["a", "b"], result.Lists[0].Unique.Order());
        var diff = Assert.Single(result.Pairs);
        Assert.Equal((0.0, 0), (diff.Jaccard, diff.Shared));
        Assert.Equal(["a", "b"], diff.OnlyInFirst);
        Assert.Equal(["e", "d"], diff.OnlyInSecond);
        // a: 1st → 5th (+4), e: 5th → 1st (−4), b: 2nd → 4th (+2), d: 4th → 2nd (−2); ties by label.
        Assert.Equal(
            [("a", 1, 5, 4), ("e", 5, 1, -4), ("b", 2, 4, 2), ("d", 4, 2, -2)],
            diff.Moves.Select(m => (m.Label, m.RankInFirst!.Value, m.RankInSecond!.Value, m.RankChange!.Value)));
        Assert.Equal(MathF.Cos(50 * MathF.PI / 180), diff.Moves[0].CosineInSecond!.Value, 5);
        Assert.True(diff.Moves[0].InFirstTopK && !diff.Moves[0].InSecondTopK);
    }

    [Fact]
    public void Compare_OneSharedNeighbour_JaccardOneFifth()
    {
        var result = NeighbourComparison.Compare("q", [("first", First), ("second", Second)], k: 3);

        // {a, b, c} vs {e, d, c}: 1 shared of 5 distinct.
        var diff = Assert.Single(result.Pairs);
        Assert.Equal(0.2, diff.Jaccard, 10);
        Assert.Equal(0, diff.Moves.Single(m => m.Label == "c").RankChange);
        Assert.Equal("c", diff.Moves[^1].Label);
    }

    [Fact]
    public void Compare_LabelMissingFromOneIndex_ProblemListAndNoDiffForIt()
    {
        var third = ToyIndexes.FromAngles(("a", 0), ("b", 10));

        var result = NeighbourComparison.Compare("q", [("first", First), ("third", third), ("second", Second)], k: 2);

        Assert.Equal(["first", "third", "second"], result.Lists.Select(l => l.EmbedderId));
        Assert.Equal("'q' is not in the vocabulary of third.", result.Lists[1].Problem);
        Assert.Equal(("first", "second"), (result.Pairs.Single().FirstEmbedderId, result.Pairs.Single().SecondEmbedderId));
    }

    [Fact]
    public void Compare_QueryVectorsOutsideVocabulary_SearchedAndZeroVectorReported()
    {
        var vocabularyOnly = ToyIndexes.FromAngles(("a", 10), ("b", 20), ("c", 30));

        var result = NeighbourComparison.Compare(
            [new("x", vocabularyOnly, [1f, 0f]), new("y", vocabularyOnly, [0f, 1f]), new("broken", vocabularyOnly, [0f, 0f])], k: 1);

        Assert.Equal("a", result.Lists[0].Neighbours.Single().Label); // 0° query: a (10°) is closest
        Assert.Equal("c", result.Lists[1].Neighbours.Single().Label); // 90° query: c (30°) is closest
        Assert.NotNull(result.Lists[2].Problem);
        var c = result.Pairs.Single().Moves.Single(m => m.Label == "c");
        Assert.Equal((3, 1), (c.RankInFirst, c.RankInSecond)); // third from 0°, first from 90°
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
