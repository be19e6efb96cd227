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
}
