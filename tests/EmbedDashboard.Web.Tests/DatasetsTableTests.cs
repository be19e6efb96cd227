using Bunit;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Web.Components.Pages.Datasets;
using MudBlazor.Services;

namespace EmbedDashboard.Web.Tests;

public sealed class DatasetsTableTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly DatasetInfo Imdb = new(1, "IMDB reviews (built-in)", TaskKind.Classification, "csv", 2000, 3,
        "Sampled 1,000 per class.", Sha, "npm imdb-sample@1.0.0", "Research use", true, DateTimeOffset.UnixEpoch);

    private static readonly DatasetInfo Mine = new(2, "My pairs", TaskKind.Sts, "sts", 50, 0, null, new string('f', 64), "upload: pairs.tsv", null, false, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Render_TwoDatasets_OneLineEachDetailClosed()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();

        var table = ctx.Render<DatasetsTable>(p => p.Add(x => x.Datasets, [Imdb, Mine]));

        Assert.Equal(2, table.FindAll("[data-testid=datasets-table] tbody tr").Count);
        Assert.Empty(table.FindAll("[data-testid=dataset-detail]"));
        Assert.Contains("Research use", table.FindAll("[data-testid=datasets-table] tbody tr")[0].TextContent);
        Assert.DoesNotContain(Sha, table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToggleDetails_Expanded_ShowsLicenceSourceShaAndNotes()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var table = ctx.Render<DatasetsTable>(p => p.Add(x => x.Datasets, [Imdb, Mine]));

        await table.FindAll("[data-testid=dataset-details-toggle]")[0].ClickAsync(new());

        var detail = Assert.Single(table.FindAll("[data-testid=dataset-detail]"));
        Assert.Equal("Research use", detail.QuerySelector("[data-testid=dataset-licence]")!.TextContent);
        Assert.Equal("npm imdb-sample@1.0.0", detail.QuerySelector("[data-testid=dataset-source]")!.TextContent);
        Assert.Equal(Sha, detail.QuerySelector("[data-testid=dataset-sha]")!.TextContent);
        Assert.Equal("Sampled 1,000 per class.", detail.QuerySelector("[data-testid=dataset-notes]")!.TextContent);

        await table.FindAll("[data-testid=dataset-details-toggle]")[0].ClickAsync(new());
        Assert.Empty(table.FindAll("[data-testid=dataset-detail]"));
    }
}
