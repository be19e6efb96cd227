using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed partial class TrainingBrowserTests(AppServerFixture app)
{
    [GeneratedRegex(@"/training/\d+$")]
    private static partial Regex JobPage();

    [Fact]
    public async Task TrainEmbeddingLayer_Imdb_LossCurveShownThenComparedWithGeneralEmbedders()
    {
        // The built-in IMDB dataset is seeded in the background at start; wait for its row.
        var page = await app.OpenAsync("/datasets");
        var imdb = page.GetByTestId("datasets-table").Locator("tbody tr", new() { HasTextString = "IMDB reviews (built-in)" });
        for (var attempt = 0; attempt < 60 && await imdb.CountAsync() == 0; attempt++)
        {
            await Task.Delay(2000);
            await page.ReloadAsync();
        }

        await imdb.GetByTestId("train-on-dataset").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/training\?dataset=\d+"));
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.Locator("input[data-testid=training-max], [data-testid=training-max] input").FillAsync("2000");
        await page.Locator("input[data-testid=layer-dimension], [data-testid=layer-dimension] input").FillAsync("50");
        await page.GetByTestId("start-training").ClickAsync();

        await page.WaitForURLAsync(JobPage(), new() { Timeout = 30_000 });
        await AppServerFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("job-status")).ToHaveTextAsync("Done", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=loss-chart] .main-svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("produced-embedders")).ToContainTextAsync("Layer 50d random");
        await Assertions.Expect(page.GetByTestId("job-figures")).ToContainTextAsync("classifier test accuracy");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "training.png"), FullPage = true });

        await page.GetByTestId("compare-link").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/experiments/new\?datasets=\d+&embedders="));
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.Locator("input[data-testid=max-items], [data-testid=max-items] input").FillAsync("400");
        await page.GetByTestId("run-experiment").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/experiments/\d+$"), new() { Timeout = 30_000 });
        var statuses = page.GetByTestId("run-status");
        await Assertions.Expect(statuses).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Assertions.Expect(statuses.Filter(new() { HasTextString = "Done" })).ToHaveCountAsync(3, new() { Timeout = 300_000 });
        await Assertions.Expect(page.GetByTestId("runs-table")).ToContainTextAsync("Layer 50d random");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "training-compare.png"), FullPage = true });
    }
}
