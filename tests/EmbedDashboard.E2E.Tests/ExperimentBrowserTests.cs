using EmbedDashboard.Core.Paths;
using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed class ExperimentBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task UploadAndRun_Ws353_BothEmbeddersDoneAndChartShown()
    {
        var shared = AppPaths.SharedDatasets() ?? throw new InvalidOperationException("../shared/datasets is missing.");
        var page = await app.OpenAsync("/datasets");
        var name = "WS-353 " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("upload-name").FillAsync(name);
        await page.Locator("input[type=file]").SetInputFilesAsync(Path.Combine(shared, "word-sim", "EN-WS-353-ALL.txt"));
        var outcome = page.Locator("[data-testid=upload-ok], [data-testid=upload-error]");
        await outcome.First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("353 items", await outcome.First.InnerTextAsync());

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
        await Assertions.Expect(page.Locator("[data-testid=metric-bar-chart] .main-svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var primaries = await page.GetByTestId("run-primary").AllInnerTextsAsync();
        Assert.All(primaries, p => Assert.StartsWith("spearman 0.", p));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "experiment.png"), FullPage = true });
    }

    [Fact]
    public async Task Upload_BrokenFile_LineNumberedErrorAndNothingSaved()
    {
        var file = Path.Combine(app.DataFolder, "broken-pairs.txt");
        await File.WriteAllTextAsync(file, "tiger\tcat\t7.35\nbook\tpaper\tlots\n");
        var page = await app.OpenAsync("/datasets");
        var before = await page.GetByTestId("datasets-table").Locator("tbody tr").CountAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(file);

        await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("broken-pairs.txt, line 2: score 'lots' is not a number.", new() { Timeout = 30_000 });
        Assert.Equal(before, await page.GetByTestId("datasets-table").Locator("tbody tr").CountAsync());
    }
}
