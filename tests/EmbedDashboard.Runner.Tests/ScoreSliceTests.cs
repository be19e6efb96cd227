using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Runner.Tests;

public sealed class ScoreSliceTests
{
    private static (ItemPrediction Mine, ItemPrediction Theirs) Pair(int index, int words, int unseen, bool mineRight, bool theirsRight) =>
        (new ItemPrediction(index, $"t{index}", 0, mineRight ? 0 : 1, words, unseen), new ItemPrediction(index, $"t{index}", 0, theirsRight ? 0 : 1, words, unseen));

    [Fact]
    public void Build_TaskSpecificRightOnShortGeneralOnLong_QuartileBinsShowTheGapBothWays()
    {
        // Word counts 5 5 10 10 20 20 40 40: quartile edges 5, 10, 20, 40 (the 2nd, 4th, 6th and 8th sorted values).
        // The task-specific run is right on the four shorter texts only, the general run on the four longer ones only.
        int[] words = [5, 5, 10, 10, 20, 20, 40, 40];
        var both = words.Select((w, i) => Pair(i, w, 0, mineRight: i < 4, theirsRight: i >= 4)).ToList();

        var length = ScoreSlices.Build(both)[0];

        Assert.Null(length.Unavailable);
        Assert.Equal(["5 words", "6–10 words", "11–20 words", "21–40 words", "all"], length.Slices.Select(s => s.Label));
        Assert.Equal([2, 2, 2, 2, 8], length.Slices.Select(s => s.Items));
        Assert.Equal([1.0, 1.0, 0.0, 0.0, 0.5], length.Slices.Select(s => s.TaskSpecificAccuracy));
        Assert.Equal([0.0, 0.0, 1.0, 1.0, 0.5], length.Slices.Select(s => s.GeneralAccuracy));
        Assert.Equal([1.0, 1.0, -1.0, -1.0, 0.0], length.Slices.Select(s => s.Difference));
        // A bin where every item is discordant one way has no variance: Var = (2 + 0 − 2²/2)/2² = 0.
        Assert.Equal(1.0, length.Slices[0].Low, 12);
        Assert.Equal(1.0, length.Slices[0].High, 12);
        // All 8: b = c = 4, Var = (8 − 0)/64, half-width 1.96·√0.125.
        Assert.Equal(1.959963984540054 * Math.Sqrt(0.125), length.Slices[^1].High, 12);
        Assert.Equal(-length.Slices[^1].High, length.Slices[^1].Low, 12);
        Assert.All(length.Slices, s => Assert.True(s.IsFew));
    }

    [Fact]
    public void Build_UnseenShares_FixedBandsWithoutEmptyOnesAndWordlessItemsLeftOut()
    {
        // 100-word texts with 0, 1, 3 and 20 unseen words (0 %, 1 %, 3 %, 20 %), plus one text without any word.
        var both = new[] { Pair(0, 100, 0, true, true), Pair(1, 100, 1, true, false), Pair(2, 100, 3, false, true), Pair(3, 100, 20, false, false), Pair(4, 0, 0, true, true) };

        var unseen = ScoreSlices.Build(both)[1];

        Assert.Equal(["no unseen word", "≤ 2 % unseen", "2–5 % unseen", "> 10 % unseen", "all"], unseen.Slices.Select(s => s.Label));
        Assert.Equal([1, 1, 1, 1, 4], unseen.Slices.Select(s => s.Items));
        Assert.Equal([0, 1, 0, 0, 1], unseen.Slices.Select(s => s.SpecificOnly));
        Assert.Equal([0, 0, 1, 0, 1], unseen.Slices.Select(s => s.GeneralOnly));
        Assert.Contains("1 item(s) without any word", unseen.Note);
    }

    [Fact]
    public void Build_PredictionsWithoutWordCounts_SaysTheRunsPredateThem()
    {
        var old = new[] { (new ItemPrediction(0, "t", 0, 0), new ItemPrediction(0, "t", 0, 1)) };

        var tables = ScoreSlices.Build(old);

        Assert.Equal(2, tables.Count);
        Assert.All(tables, t => Assert.Equal(ScoreSlices.PredatesTextStats, t.Unavailable));
        Assert.All(tables, t => Assert.Empty(t.Slices));
    }

    [Fact]
    public void DifferenceText_Points_SignedWithInterval()
    {
        var slice = new ScoreSlice("x", 100, 0.8, 0.7, 0.1, 0.02, 0.18, 15, 5);

        Assert.Equal("+10.0 [+2.0, +18.0]", slice.DifferenceText);
    }
}
