using EmbedDashboard.Core.Paths;
using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed class VerdictBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task ResultPage_TwoEmbeddersOnWs353_VerdictSentenceAndMatrixShown()
    {
        var shared = AppPaths.SharedDatasets() ?? throw new InvalidOperationException("../shared/datasets is missing.");
        var page = await app.OpenAsync("/datasets");
        var name = "WS-353 verdict " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("upload-name").FillAsync(name);
        await AppServerFixture.SetUploadFileAsync(page, "input[data-testid=upload-file], [data-testid=upload-file] input[type=file]", Path.Combine(shared, "word-sim", "EN-WS-353-ALL.txt"));
        await page.Locator("[data-testid=upload-ok], [data-testid=upload-error]").First.WaitForAsync(new() { Timeout = 30_000 });

        var row = page.GetByTestId("datasets-table").Locator("tbody tr", new() { HasTextString = name });
        await row.GetByTestId("run-on-dataset").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/experiments/new\\?datasets=\\d+"));
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("experiment-name").FillAsync("e2e " + name);
        await page.GetByTestId("run-experiment").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/experiments/\\d+$"), new() { Timeout = 30_000 });
        var statuses = page.GetByTestId("run-status");
        await Assertions.Expect(statuses).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(statuses.Filter(new() { HasTextString = "Done" })).ToHaveCountAsync(2, new() { Timeout = 240_000 });

        // Both built-in embedders are general: the better one is the baseline, the other is compared with it.
        var verdict = page.GetByTestId("verdict").First;
        await Assertions.Expect(verdict).ToContainTextAsync("On " + name, new() { Timeout = 30_000 });
        await Assertions.Expect(verdict).ToContainTextAsync("the best general embedder");
        var matrix = page.GetByTestId("verdict-matrix");
        await Assertions.Expect(matrix.GetByTestId("matrix-row")).ToHaveCountAsync(2);
        await Assertions.Expect(matrix.GetByTestId("matrix-best")).ToHaveCountAsync(1);
        await Assertions.Expect(matrix.GetByTestId("matrix-baseline")).ToHaveCountAsync(1);
        await Assertions.Expect(matrix.GetByTestId("matrix-delta")).ToHaveCountAsync(1);
        // Item by item: WS-353 pairs each of the two ranks closer to the gold.
        var items = page.GetByTestId("item-contrast").First;
        await Assertions.Expect(items).ToContainTextAsync("item by item");
        await Assertions.Expect(items.GetByTestId("first-better").GetByTestId("difference-item").First).ToBeVisibleAsync();
        await Assertions.Expect(items.GetByTestId("second-better").GetByTestId("difference-item").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "verdict.png"), FullPage = true });
    }
}
