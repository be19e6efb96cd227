using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

public sealed class ChurnErrorsTests
{
    private static readonly string[] Labels = ["neg", "pos"];

    [Fact]
    public void Match_PredictionsBySnippet_GoldAndBothPredictionsPerItem()
    {
        var longText = new string('x', 300);
        var texts = new Dictionary<int, string> { [10] = "good film", [20] = longText, [30] = "never scored" };
        // Row numbers are the runs' own sample positions, unrelated to the dataset's item numbers.
        var first = new ItemPredictions(Labels, [new(0, "good film", 1, 1), new(1, ItemPredictions.Snippet(longText), 0, 1)]);
        var second = new ItemPredictions(Labels, [new(7, ItemPredictions.Snippet(longText), 0, 0), new(8, "good film", 1, 0)]);

        var errors = ChurnErrors.Match(texts, first, second);

        Assert.Equal(new ItemErrors("pos", "pos", "neg"), errors[10]);
        Assert.Equal(new ItemErrors("neg", "pos", "neg"), errors[20]);
        Assert.True(errors[10].FirstRight);
        Assert.False(errors[10].SecondRight);
        Assert.False(errors.ContainsKey(30));
    }

    [Fact]
    public void Match_OneRunMissingOrUntestedItem_NullPrediction()
    {
        var texts = new Dictionary<int, string> { [1] = "a", [2] = "b" };
        var first = new ItemPredictions(Labels, [new(0, "a", 0, 0), new(1, "b", 1, -1)]);

        var errors = ChurnErrors.Match(texts, first, null);

        Assert.Equal(new ItemErrors("neg", "neg", null), errors[1]);
        Assert.Null(errors[1].SecondRight);
        Assert.False(errors.ContainsKey(2));
    }

    [Fact]
    public void Match_SnippetSharedByTwoItems_LeftOut()
    {
        var prefix = new string('y', ItemPredictions.MaxTextLength);
        var texts = new Dictionary<int, string> { [1] = prefix + " one", [2] = prefix + " two" };
        var first = new ItemPredictions(Labels, [new(0, ItemPredictions.Snippet(prefix + " one"), 0, 0)]);

        Assert.Empty(ChurnErrors.Match(texts, first, first));
    }

    [Fact]
    public void Summary_LowestQuarterAndRest_CountsEachGroupsErrors()
    {
        // Items 0..7, overlap rising with the item; the lowest quarter is items 0 and 1.
        var overlaps = Enumerable.Range(0, 8).Select(i => new ItemOverlap(i, i / 10.0)).ToList();
        var churn = new ProjectionChurn(new("a", "A", "SentenceEncoder", true, "s"), new("b", "B", "StaticWordVectors", true, "t"), 10, 10, 8, 0, 0.35,
            [], overlaps, []);
        var errors = Enumerable.Range(0, 8).ToDictionary(i => i, i => i switch
        {
            0 => new ItemErrors("pos", "neg", "neg"),
            1 => new ItemErrors("pos", "pos", "neg"),
            5 => new ItemErrors("pos", "neg", "pos"),
            7 => new ItemErrors("pos", "pos", null), // scored by one run only: not counted
            _ => new ItemErrors("pos", "pos", "pos"),
        });

        var summary = ChurnErrorSummary.Of(churn, errors);

        Assert.Equal(new ChurnErrorCounts(1, 1, 1, 1), summary.LowestQuarter);
        Assert.Equal(new ChurnErrorCounts(6, 1, 1, 0), summary.Rest);
    }
}
