using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed class ProjectionsBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task Project_UploadedTopics_PcaTsneUmapCachedAndShared()
    {
        var (page, name) = await UploadTopicsAsync("topics");

        await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString(name)}&max=40");
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("project").ClickAsync();

        var captions = page.GetByTestId("projection-caption");
        await Assertions.Expect(captions).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Assertions.Expect(captions.First).ToContainTextAsync("Showing 40 of 60 items (seeded sample)");
        await Assertions.Expect(captions.First).ToContainTextAsync("Trustworthiness@10");
        await Assertions.Expect(page.Locator("[data-testid=projection] .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "projections.png"), FullPage = true });

        // Click a point (Plotly's click event, as a mouse click on the WebGL canvas raises it): the item is
        // selected in every plot and its nearest texts are listed under each embedder.
        await page.EvaluateAsync(@"() => {
            const plot = document.querySelector('[data-testid=projection-plot] .js-plotly-plot');
            const trace = plot.data[0];
            plot.emit('plotly_click', { points: [{ curveNumber: 0, pointNumber: 0, pointIndex: 0, x: trace.x[0], y: trace.y[0], data: trace, fullData: plot._fullData[0] }] });
        }");
        await Assertions.Expect(page.GetByTestId("selection")).ToContainTextAsync("Selected:", new() { Timeout = 60_000 });
        var neighbourLists = page.GetByTestId("selection-neighbours");
        await Assertions.Expect(neighbourLists).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Assertions.Expect(neighbourLists.First.Locator("li")).ToHaveCountAsync(5, new() { Timeout = 120_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "projections-selected.png"), FullPage = true });

        // The same request again is answered from the SQLite cache.
        await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString(name)}&max=40&run=1");
        await AppServerFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(captions).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(captions.First).ToContainTextAsync("(cached)");

        // t-SNE and UMAP run on the background worker too; a perplexity too large for 40 points is refused with the reason.
        await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString(name)}&max=40&method=Tsne&perplexity=10&run=1");
        await AppServerFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(captions).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Assertions.Expect(captions.First).ToContainTextAsync("t-SNE");
        await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString(name)}&max=40&method=Tsne&perplexity=30&run=1");
        await AppServerFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("projection-status").First).ToContainTextAsync("at least", new() { Timeout = 60_000 });
        await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString(name)}&max=40&method=Umap&c=3&run=1");
        await AppServerFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(captions).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Assertions.Expect(captions.First).ToContainTextAsync("UMAP");

        // Share: a read-only link shows the same (cached) projections in a fresh browser context.
        await page.GetByTestId("share").ClickAsync();
        var url = (await page.GetByTestId("share-url").InnerTextAsync()).Trim();
        await using var stranger = await app.Browser.NewContextAsync();
        var shared = await stranger.NewPageAsync();
        await shared.GotoAsync(url);
        await AppServerFixture.WaitInteractiveAsync(shared);
        await Assertions.Expect(shared.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(shared.GetByTestId("projection-caption")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        Assert.Equal(0, await shared.GetByTestId("project").CountAsync());
    }

    [Fact]
    public async Task Project_CompareNeighbours_OverlapColoursMovedItemsAndShared()
    {
        var (page, name) = await UploadTopicsAsync("churn");

        // MiniLM's panel compares its neighbours with GloVe; GloVe's own panel is coloured by the same (symmetric) overlap.
        await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString(name)}&embedders=minilm-l6-v2,glove-6b-100d&max=40&compare=glove-6b-100d&churnk=5&colour=Overlap&run=1");
        await AppServerFixture.WaitInteractiveAsync(page);
        var captions = page.GetByTestId("projection-caption");
        await Assertions.Expect(captions).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Assertions.Expect(captions.First).ToContainTextAsync("Neighbour overlap with GloVe 6B 100d (k = 5): mean");
        var moved = page.GetByTestId("moved-items");
        await Assertions.Expect(moved).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(moved.GetByTestId("moved-item")).ToHaveCountAsync(25);
        await Assertions.Expect(moved.GetByTestId("moved-errors-missing")).ToContainTextAsync("run an experiment with both to see their errors");
        const string traceNames = "() => [...document.querySelectorAll('[data-testid=projection-plot] .js-plotly-plot')].map(p => p.data[0].name + '|' + p.data[0].marker.cmax)";
        var names = await WaitForTraceNamesAsync(page, traceNames, n => n.Length == 2 && n.All(x => x.StartsWith("overlap with", StringComparison.Ordinal)));
        Assert.Equal(["overlap with GloVe 6B 100d|1", "overlap with all-MiniLM-L6-v2|1"], names);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "projections-churn.png"), FullPage = true });

        // The shared link freezes the comparison, k and colour mode.
        await page.GetByTestId("share").ClickAsync();
        var url = (await page.GetByTestId("share-url").InnerTextAsync()).Trim();
        await using var stranger = await app.Browser.NewContextAsync();
        var shared = await stranger.NewPageAsync();
        await shared.GotoAsync(url);
        await AppServerFixture.WaitInteractiveAsync(shared);
        await Assertions.Expect(shared.GetByTestId("read-only")).ToContainTextAsync("neighbours compared with GloVe 6B 100d (k = 5), coloured by neighbour overlap");
        await Assertions.Expect(shared.GetByTestId("moved-items")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await WaitForTraceNamesAsync(shared, traceNames, n => n.Length == 2 && n.All(x => x.StartsWith("overlap with", StringComparison.Ordinal)));
    }

    /// <summary>Uploads 60 texts of two topics (sport, finance) as a new dataset; the page is left on /datasets.</summary>
    private async Task<(IPage Page, string Name)> UploadTopicsAsync(string prefix)
    {
        var name = prefix + " " + Guid.NewGuid().ToString("N")[..6];
        var file = Path.Combine(app.DataFolder, prefix + ".csv");
        var rows = Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? $"\"The match ended with a late goal, number {i}\",sport" : $"\"Shares fell as the market closed, report {i}\",finance");
        await File.WriteAllTextAsync(file, "text,label\n" + string.Join('\n', rows) + "\n");
        var page = await app.OpenAsync("/datasets");
        await page.GetByTestId("upload-name").FillAsync(name);
        await AppServerFixture.SetUploadFileAsync(page, "input[data-testid=upload-file], [data-testid=upload-file] input[type=file]", file);
        await page.GetByTestId("upload-ok").WaitForAsync(new() { Timeout = 30_000 });
        return (page, name);
    }

    /// <summary>Plotly draws after Blazor renders: poll the plots' first trace names until they are what the test expects.</summary>
    private static async Task<string[]> WaitForTraceNamesAsync(IPage page, string script, Func<string[], bool> done)
    {
        var names = Array.Empty<string>();
        for (var attempt = 0; attempt < 60 && !done(names); attempt++)
        {
            try
            {
                names = await page.EvaluateAsync<string[]>(script);
            }
            catch (PlaywrightException)
            {
                // A plot not drawn yet has no data: try again.
            }

            if (!done(names)) await Task.Delay(500);
        }

        Assert.True(done(names), $"Plots' first traces: {string.Join(", ", names)}");
        return names;
    }
}
