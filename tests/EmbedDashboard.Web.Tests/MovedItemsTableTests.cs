using Bunit;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Runner.Projections;
using EmbedDashboard.Web.Components.Pages.Projections;
using MudBlazor.Services;

namespace EmbedDashboard.Web.Tests;

public sealed class MovedItemsTableTests
{
    private static readonly Dictionary<int, string> Texts = new() { [1] = "a subtle gem", [2] = "dull", [3] = "great cast", [4] = "not bad at all", [5] = "boring" };

    // Item 4 keeps none of its 2 neighbours, item 1 one of them, item 2 both; 3 items compared, 1 without a GloVe vector.
    private static ProjectionChurn Churn() => new(
        new ChurnEmbedder("minilm", "MiniLM", "SentenceEncoder", true, "aa"), new ChurnEmbedder("glove", "GloVe", "StaticWordVectors", true, "bb"),
        10, 2, 3, 1, 0.5, [1, 1, 1],
        [new ItemOverlap(1, 0.5), new ItemOverlap(2, 1), new ItemOverlap(4, 0)],
        [new MovedItem(4, 0, [3, 5], [1, 2]), new MovedItem(1, 0.5, [2, 4], [2, 5]), new MovedItem(2, 1, [1, 4], [1, 4])]);


    [Fact]
    public async Task Render_WithBothRuns_LowestOverlapFirstWithNeighboursGoldAndMarkedPredictions()
    {
        await using var ctx = MudTestContext.Create();
        var errors = new ChurnErrorView(new ChurnRunLink(11, 3), new ChurnRunLink(12, 3), null, new Dictionary<int, ItemErrors>
        {
            [4] = new("pos", "pos", "neg"),
            [1] = new("pos", "neg", null),
        });

        var table = ctx.Render<MovedItemsTable>(p => p.Add(x => x.Model, MovedItemsModel.From(Churn(), Texts, errors)));

        var rows = table.FindAll("[data-testid=moved-item]");
        Assert.Equal(3, rows.Count);
        var first = rows[0].Children.Select(td => td.TextContent).ToList();
        Assert.Equal("not bad at all", first[0]);
        Assert.Equal("0.00", first[1]);
        Assert.Equal(["great cast", "boring"], rows[0].Children[2].QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal(["a subtle gem", "dull"], rows[0].Children[3].QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal(["pos", "pos ✓", "neg ✗"], first.Skip(4));
        // Item 1 was not predicted by GloVe's run; item 2 by neither.
        Assert.Equal(["pos", "neg ✗", "–"], rows[1].Children.Skip(4).Select(td => td.TextContent));
        Assert.Equal(["–", "–", "–"], rows[2].Children.Skip(4).Select(td => td.TextContent));
        Assert.Equal(["experiments/3", "experiments/3"], table.FindAll("[data-testid=moved-run-link]").Select(a => a.GetAttribute("href")));
        Assert.Contains("3 of 3 items shown", table.Find("[data-testid=moved-summary]").TextContent);
        Assert.Contains("1 plotted items have no vector under GloVe", table.Find("[data-testid=moved-summary]").TextContent);
        Assert.Contains("MiniLM vs GloVe", table.Markup);
    }

    [Fact]
    public async Task Render_NoRuns_SaysToRunBothAndShowsNoErrorColumns()
    {
        await using var ctx = MudTestContext.Create();
        var errors = new ChurnErrorView(null, null, $"No finished classification run of MiniLM or GloVe on IMDB with per-item predictions: {ChurnErrorService.RunBoth}.", new Dictionary<int, ItemErrors>());

        var table = ctx.Render<MovedItemsTable>(p => p.Add(x => x.Model, MovedItemsModel.From(Churn(), Texts, errors)));

        Assert.Contains(ChurnErrorService.RunBoth, table.Find("[data-testid=moved-errors-missing]").TextContent);
        Assert.Equal(4, table.Find("[data-testid=moved-table] thead tr").Children.Length);
        Assert.Empty(table.FindAll("[data-testid=first-prediction]"));
        Assert.Empty(table.FindAll("[data-testid=moved-run-link]"));
    }

    [Fact]
    public void From_MoreMovedThanShown_CapsRowsAtShown()
    {
        var moved = Enumerable.Range(0, 40).Select(i => new MovedItem(i, 0, [], [])).ToList();
        var churn = Churn() with { Items = 40, MostMoved = moved };

        var model = MovedItemsModel.From(churn, new Dictionary<int, string>(), null);

        Assert.Equal(MovedItemsModel.Shown, model.Rows.Count);
        Assert.Equal("item 0", model.Rows[0].Text);
        Assert.StartsWith("25 of 40 items shown", model.Summary);
        Assert.False(model.ShowErrors);
    }
}
