using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed class ProbesBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task OpenFromAddress_UglyOverWords_TenNeighboursPerEmbedderWithoutTheQuery()
    {
        // The state is in the address, so a link reproduces the search.
        var page = await app.OpenAsync("/probes?q=ugly&k=10&vocab=words");

        // Every installed embedder gets a list (a trained one may have been added by another test).
        var lists = page.GetByTestId("probe-list");
        await Assertions.Expect(lists.Nth(1)).ToBeVisibleAsync(new() { Timeout = 120_000 });
        foreach (var list in await lists.AllAsync())
        {
            var rows = list.GetByTestId("probe-row");
            await Assertions.Expect(rows).ToHaveCountAsync(10, new() { Timeout = 120_000 });
            var words = (await rows.AllInnerTextsAsync()).Select(r => r.Split('\t')[1].Trim()).ToList();
            Assert.DoesNotContain("ugly", words);
        }

        await Assertions.Expect(page.GetByTestId("probe-overlap")).ToContainTextAsync("Jaccard");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "probes.png"), FullPage = true });

        // Share: a read-only link reproduces the lists without the search controls, until it is revoked.
        await page.GetByTestId("share").ClickAsync();
        var url = (await page.GetByTestId("share-url").InnerTextAsync()).Trim();
        await using var stranger = await app.Browser.NewContextAsync();
        var shared = await stranger.NewPageAsync();
        await shared.GotoAsync(url);
        await AppServerFixture.WaitInteractiveAsync(shared);
        await Assertions.Expect(shared.GetByTestId("read-only")).ToContainTextAsync("ugly");
        await Assertions.Expect(shared.GetByTestId("probe-row").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal(0, await shared.GetByTestId("probe-query").CountAsync());
        var bogus = await stranger.NewPageAsync();
        await bogus.GotoAsync(app.BaseUrl + "/s/not-a-token");
        await Assertions.Expect(bogus.GetByTestId("not-found")).ToContainTextAsync("revoked");
    }

    [Fact]
    public async Task Analogy_ManKingWoman_GloveAnswersQueen()
    {
        var page = await app.OpenAsync("/probes/analogy");

        await page.GetByTestId("analogy-solve").ClickAsync();

        var results = page.GetByTestId("analogy-result");
        await Assertions.Expect(results.Nth(1)).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var glove = results.Filter(new() { HasTextString = "GloVe" });
        await Assertions.Expect(glove.GetByTestId("analogy-add").First).ToHaveTextAsync("queen");
    }

    [Fact]
    public async Task AntonymProbe_Compute_TableForEveryEmbedder()
    {
        // WordNet and AFINN are imported in the background after start; wait for them as a user would.
        var datasets = await app.OpenAsync("/datasets");
        var afinn = datasets.GetByTestId("datasets-table").Locator("tbody tr", new() { HasTextString = "AFINN-165" });
        for (var attempt = 0; attempt < 90 && await afinn.CountAsync() == 0; attempt++)
        {
            await Task.Delay(2000);
            await datasets.ReloadAsync();
        }

        var page = await app.OpenAsync("/probes/antonyms");

        await page.GetByTestId("antonym-compute").ClickAsync();

        var table = page.GetByTestId("antonym-table");
        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = 240_000 });
        Assert.True(await table.Locator("thead th").CountAsync() >= 3, "a column per embedder (GloVe, MiniLM and any trained one)");
        await Assertions.Expect(table).ToContainTextAsync("pairs in vocabulary");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "antonyms.png"), FullPage = true });

        // Any pair side by side: the default ugly/beautiful under every embedder, with the cosine and rank.
        await page.GetByTestId("pair-compare").ClickAsync();
        var views = page.GetByTestId("pair-view");
        await Assertions.Expect(views.Nth(1)).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(views.First).ToContainTextAsync("cos(ugly, beautiful)");
    }
}
