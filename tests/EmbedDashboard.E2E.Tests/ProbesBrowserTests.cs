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

        var lists = page.GetByTestId("probe-list");
        await Assertions.Expect(lists).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        foreach (var list in await lists.AllAsync())
        {
            var rows = list.GetByTestId("probe-row");
            await Assertions.Expect(rows).ToHaveCountAsync(10, new() { Timeout = 120_000 });
            var words = (await rows.AllInnerTextsAsync()).Select(r => r.Split('\t')[1].Trim()).ToList();
            Assert.DoesNotContain("ugly", words);
        }

        await Assertions.Expect(page.GetByTestId("probe-overlap")).ToContainTextAsync("Jaccard");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "probes.png"), FullPage = true });
    }

    [Fact]
    public async Task Analogy_ManKingWoman_GloveAnswersQueen()
    {
        var page = await app.OpenAsync("/probes/analogy");

        await page.GetByTestId("analogy-solve").ClickAsync();

        var results = page.GetByTestId("analogy-result");
        await Assertions.Expect(results).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        var glove = results.Filter(new() { HasTextString = "GloVe" });
        await Assertions.Expect(glove.GetByTestId("analogy-add").First).ToHaveTextAsync("queen");
    }

    [Fact]
    public async Task AntonymProbe_Compute_TableForEveryEmbedder()
    {
        var page = await app.OpenAsync("/probes/antonyms");

        await page.GetByTestId("antonym-compute").ClickAsync();

        var table = page.GetByTestId("antonym-table");
        await Assertions.Expect(table).ToBeVisibleAsync(new() { Timeout = 240_000 });
        await Assertions.Expect(table.Locator("thead th")).ToHaveCountAsync(3);
        await Assertions.Expect(table).ToContainTextAsync("pairs in vocabulary");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "antonyms.png"), FullPage = true });
    }
}
