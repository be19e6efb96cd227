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
        // The job page's own status chip: the list page just left has "job-status" chips too, and can still be on screen.
        await Assertions.Expect(page.GetByTestId("job-header").GetByTestId("job-status")).ToHaveTextAsync("Done", new() { Timeout = 120_000 });
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

    /// <summary>The first <paramref name="sentences"/> sentences of a CoNLL file (a small sample, as a user might try first).</summary>
    private static string Sample(string source, string target, int sentences)
    {
        var lines = new List<string>();
        var seen = 0;
        foreach (var line in File.ReadLines(source))
        {
            lines.Add(line);
            if (line.Trim().Length == 0 && ++seen == sentences) break;
        }

        File.WriteAllLines(target, lines);
        return target;
    }

    [Fact]
    public async Task TrainTaggerLayer_WnutSample_ComparedWithGeneralEmbedders()
    {
        var shared = EmbedDashboard.Core.Paths.AppPaths.SharedDatasets() ?? throw new InvalidOperationException("../shared/datasets is missing.");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var train = Sample(Path.Combine(shared, "ner-wnut17", "wnut17train.conll"), Path.Combine(app.DataFolder, $"wnut-train-{suffix}.conll"), 300);
        var test = Sample(Path.Combine(shared, "ner-wnut17", "emerging.test.annotated"), Path.Combine(app.DataFolder, $"wnut-test-{suffix}.conll"), 100);
        var page = await app.OpenAsync("/datasets");
        await page.GetByTestId("upload-name").FillAsync("WNUT sample " + suffix);
        // The held-out test file first. Under load the page can re-render its upload area once after the circuit is
        // live (the built-in import refreshes the list), dropping a file chosen just before; choose it again then.
        var chosen = page.GetByTestId("test-file-chosen");
        for (var attempt = 0; attempt < 3 && await chosen.CountAsync() == 0; attempt++)
        {
            await AppServerFixture.SetUploadFileAsync(page, "input[data-testid=upload-test-file], [data-testid=upload-test-file] input[type=file]", test);
            try
            {
                await chosen.WaitForAsync(new() { Timeout = 5_000 });
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
            }
        }

        await Assertions.Expect(chosen).ToContainTextAsync(Path.GetFileName(test));
        await AppServerFixture.SetUploadFileAsync(page, "input[data-testid=upload-file], [data-testid=upload-file] input[type=file]", train);
        var outcome = page.Locator("[data-testid=upload-ok], [data-testid=upload-error]");
        await outcome.First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("test: 100 items", await outcome.First.InnerTextAsync());

        await page.GetByTestId("datasets-table").Locator("tbody tr", new() { HasTextString = "WNUT sample " + suffix }).GetByTestId("train-on-dataset").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/training\?dataset=\d+"));
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.Locator("input[data-testid=tagger-dimension], [data-testid=tagger-dimension] input").FillAsync("32");
        await page.GetByTestId("start-training").ClickAsync();

        await page.WaitForURLAsync(JobPage(), new() { Timeout = 30_000 });
        await AppServerFixture.WaitInteractiveAsync(page);
        // The job page's own status chip: the list page just left has "job-status" chips too, and can still be on screen.
        await Assertions.Expect(page.GetByTestId("job-header").GetByTestId("job-status")).ToHaveTextAsync("Done", new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("produced-embedders")).ToContainTextAsync("Tagger layer 32d");
        await Assertions.Expect(page.GetByTestId("job-figures")).ToContainTextAsync("tagger test entity f1");

        await page.GetByTestId("compare-link").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/experiments/new\?datasets=\d+&embedders="));
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("run-experiment").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/experiments/\d+$"), new() { Timeout = 30_000 });
        var statuses = page.GetByTestId("run-status");
        await Assertions.Expect(statuses).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Assertions.Expect(statuses.Filter(new() { HasTextString = "Done" })).ToHaveCountAsync(3, new() { Timeout = 300_000 });
        var tagger = page.GetByTestId("runs-table").Locator("tbody tr", new() { HasTextString = "Tagger layer 32d" });
        await Assertions.Expect(tagger.GetByTestId("run-primary")).ToContainTextAsync("entity_f1");
    }
}
