using Bunit;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Web.Components.Pages.Experiments;
using MudBlazor.Services;

namespace EmbedDashboard.Web.Tests;

public sealed class ItemContrastPanelTests
{
    // Two labels; the task-specific run is right on one item the general one misses, and the reverse on another.
    private static ItemContrastView Contrast() => new(1, "IMDB", "Layer 50d", "GloVe", null, ["neg", "pos"],
        [new ContrastItem(3, "a subtle gem", "pos", "pos", "neg")], 1,
        [new ContrastItem(8, "not bad at all", "pos", "neg", "pos")], 120,
        new EmbedderConfusion("Layer 50d", [[5, 1], [2, 7]], [10.0 / 13, 14.0 / 17]),
        new EmbedderConfusion("GloVe", [[4, 2], [3, 6]], [8.0 / 13, double.NaN]));


    [Fact]
    public async Task Render_Contrast_ShowsBothListsWithTextGoldAndPredictions()
    {
        await using var ctx = MudTestContext.Create();

        var panel = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, [Contrast()]));

        var specific = panel.Find("[data-testid=specific-only-right] [data-testid=contrast-item]").QuerySelectorAll("td").Select(td => td.TextContent);
        Assert.Equal(["a subtle gem", "pos", "pos", "neg"], specific);
        var general = panel.Find("[data-testid=general-only-right] [data-testid=contrast-item]").QuerySelectorAll("td").Select(td => td.TextContent);
        Assert.Equal(["not bad at all", "pos", "neg", "pos"], general);
        // The second list holds 1 of 120: the heading says the list was capped.
        Assert.Contains("120 (showing 1)", panel.Markup);
    }

    [Fact]
    public async Task Render_Contrast_ConfusionCountsAndF1PerEmbedder()
    {
        await using var ctx = MudTestContext.Create();

        var panel = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, [Contrast()]));

        var matrices = panel.FindAll("[data-testid=confusion-matrix]");
        Assert.Equal(2, matrices.Count);
        var firstRow = matrices[0].QuerySelector("[data-testid=confusion-row]")!.QuerySelectorAll("td").Select(td => td.TextContent);
        Assert.Equal(["neg", "5", "1", "0.769"], firstRow); // 10/13 = 0.769
        // An undefined F1 is a dash, not 0.
        Assert.Equal(["0.615", "–"], matrices[1].QuerySelectorAll("[data-testid=class-f1]").Select(td => td.TextContent));
    }

    [Fact]
    public async Task Render_ContrastWithSlices_OneRowPerSliceWithSignedGap()
    {
        await using var ctx = MudTestContext.Create();
        var slices = new SliceTable("By text length", null,
            [new ScoreSlice("5–40 words", 12, 0.75, 0.5, 0.25, -0.1, 0.6, 4, 1), new ScoreSlice("all", 12, 0.75, 0.5, 0.25, -0.1, 0.6, 4, 1)]);
        var unavailable = new SliceTable("By unseen words", ScoreSlices.PredatesTextStats, []);

        var panel = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, [Contrast() with { Slices = [slices, unavailable] }]));

        var rows = panel.FindAll("[data-testid=slice-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["5–40 words", "12 (few)", "75.0 %", "50.0 %", "+25.0 [−10.0, +60.0]", "4", "1"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(ScoreSlices.PredatesTextStats, panel.Find("[data-testid=slice-unavailable]").TextContent);
    }

    [Fact]
    public async Task Render_RunPredatesPredictions_SaysSoAndShowsNoTables()
    {
        await using var ctx = MudTestContext.Create();
        var old = new ItemContrastView(1, "IMDB", "Layer 50d", "GloVe", "This run predates per-item predictions; re-run to see them.", [], [], 0, [], 0, null, null);

        var panel = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, [old]));

        Assert.Equal("This run predates per-item predictions; re-run to see them.", panel.Find("[data-testid=item-contrast-unavailable]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=confusion-matrix]"));
    }

    [Fact]
    public async Task Render_SimilarityDifferences_ListsItemsWithBothValuesAndNoConfusion()
    {
        await using var ctx = MudTestContext.Create();
        var differences = new ItemDifferenceLists("cosine", 40,
            [new ItemDifference(2, "car · automobile · 9.5", "0.91 (98 % | 99 %)", "0.40 (20 % | 99 %)", 0.78)], 12, [], 0);
        var view = new ItemContrastView(1, "WS-353", "MiniLM", "GloVe", null, [], [], 0, [], 0, null, null) { Differences = differences, Task = Core.Datasets.TaskKind.WordSimilarity };

        var panel = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, [view]));

        Assert.Equal(["car · automobile · 9.5", "0.91 (98 % | 99 %)", "0.40 (20 % | 99 %)"],
            panel.Find("[data-testid=first-better] [data-testid=difference-item]").QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("MiniLM better: 12 (showing 1)", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=confusion-matrix]"));
        Assert.Empty(panel.FindAll("[data-testid=pair-first]"));
    }

    [Fact]
    public async Task Render_ThreeRunsAndAHandler_ShowsThePairPickers()
    {
        await using var ctx = MudTestContext.Create();
        var view = Contrast() with { Choices = [new RunChoice(1, "GloVe", true), new RunChoice(2, "MiniLM", true), new RunChoice(3, "Layer 50d", false)], FirstRunId = 3, SecondRunId = 1 };
        var chosen = new List<ItemPairChoice>();

        var withHandler = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, [view]).Add(x => x.OnPairChosen, c => chosen.Add(c)));
        var withoutHandler = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, [view]));

        Assert.Single(withHandler.FindAll("[data-testid=pair-first]"));
        Assert.Single(withHandler.FindAll("[data-testid=pair-second]"));
        Assert.Contains("(the verdict's pair)", withHandler.Markup);
        Assert.Empty(withoutHandler.FindAll("[data-testid=pair-first]"));
    }

    [Theory]
    [InlineData(2, 1, 2, 1)] // a new first run: taken as is
    [InlineData(1, 1, 1, 3)] // the second run picked as first: the two swap
    [InlineData(3, 3, 1, 3)] // the first run picked as second: the two swap
    public void Choice_PickAgainstThePairOf3And1_StaysTwoDifferentRuns(int first, int second, int expectedFirst, int expectedSecond)
    {
        var view = Contrast() with { FirstRunId = 3, SecondRunId = 1 };

        Assert.Equal(new ItemPairChoice(1, expectedFirst, expectedSecond), ItemContrastPanel.Choice(view, first, second));
    }

    [Fact]
    public async Task Render_NoContrasts_RendersNothing()
    {
        await using var ctx = MudTestContext.Create();

        var panel = ctx.Render<ItemContrastPanel>(p => p.Add(x => x.Contrasts, []));

        Assert.Empty(panel.FindAll("[data-testid=item-contrast]"));
    }
}
