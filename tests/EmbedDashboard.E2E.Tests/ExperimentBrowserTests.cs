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
        await AppServerFixture.SetUploadFileAsync(page, "input[data-testid=upload-file], [data-testid=upload-file] input[type=file]", Path.Combine(shared, "word-sim", "EN-WS-353-ALL.txt"));
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

        // Export: CSV with the metrics and the reproducibility columns.
        var csv = await (await page.APIRequest.GetAsync(app.BaseUrl + "/" + await page.GetByTestId("export-csv").GetAttributeAsync("href"))).TextAsync();
        Assert.Contains("spearman,true", csv);
        Assert.Contains("model_sha256", csv.Split('\n')[0]);

        // Share: a read-only link works in a fresh browser context, and stops working once revoked.
        await page.GetByTestId("share").ClickAsync();
        var url = (await page.GetByTestId("share-url").First.InnerTextAsync()).Trim();
        // The default lifetime is 30 days, shown with the link.
        await Assertions.Expect(page.GetByTestId("share-expires").First).ToContainTextAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await using var stranger = await app.Browser.NewContextAsync();
        var sharedPage = await stranger.NewPageAsync();
        await sharedPage.GotoAsync(url);
        await AppServerFixture.WaitInteractiveAsync(sharedPage);
        await Assertions.Expect(sharedPage.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(sharedPage.GetByTestId("run-primary").First).ToContainTextAsync("spearman");
        Assert.Equal(0, await sharedPage.GetByTestId("share").CountAsync());
        Assert.Equal(0, await sharedPage.GetByTestId("cancel-run").CountAsync());
        var title = await sharedPage.Locator("h4").First.InnerTextAsync();

        // The address cannot steer it: a query is ignored, the app's pages send the stranger to sign in, the API refuses.
        await sharedPage.GotoAsync(url + "?id=999999&shared=x");
        await AppServerFixture.WaitInteractiveAsync(sharedPage);
        Assert.Equal(title, await sharedPage.Locator("h4").First.InnerTextAsync());
        Assert.Equal(0, await sharedPage.GetByTestId("share").CountAsync());
        var exportFromLink = await sharedPage.APIRequest.GetAsync(app.BaseUrl + "/" + await sharedPage.GetByTestId("export-csv").GetAttributeAsync("href"));
        Assert.Contains("spearman,true", await exportFromLink.TextAsync());
        foreach (var elsewhere in new[] { "/experiments", "/models", "/account/users", "/" })
        {
            await sharedPage.GotoAsync(app.BaseUrl + elsewhere);
            Assert.Contains("/account/login", sharedPage.Url);
            Assert.Equal(0, await sharedPage.GetByTestId("run-primary").CountAsync());
        }

        var api = await sharedPage.APIRequest.GetAsync(app.BaseUrl + "/" + await page.GetByTestId("export-csv").GetAttributeAsync("href"));
        Assert.Equal(401, api.Status);

        await page.GetByTestId("revoke").ClickAsync();
        await Assertions.Expect(page.GetByTestId("share-links")).ToContainTextAsync("revoked");
        await using var later = await app.Browser.NewContextAsync();
        var refused = await later.NewPageAsync();
        // A refused link gets no share cookie, so its page stays server-rendered: no circuit to wait for.
        await refused.GotoAsync(url);
        await Assertions.Expect(refused.GetByTestId("not-found")).ToContainTextAsync("revoked");
        Assert.Equal(0, await refused.GetByTestId("run-primary").CountAsync());
    }

    [Fact]
    public async Task Upload_BrokenFile_LineNumberedErrorAndNothingSaved()
    {
        var file = Path.Combine(app.DataFolder, "broken-pairs.txt");
        await File.WriteAllTextAsync(file, "tiger\tcat\t7.35\nbook\tpaper\tlots\n");
        var page = await app.OpenAsync("/datasets");
        var before = await page.GetByTestId("datasets-table").Locator("tbody tr").CountAsync();

        await AppServerFixture.SetUploadFileAsync(page, "input[data-testid=upload-file], [data-testid=upload-file] input[type=file]", file);

        await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("broken-pairs.txt, line 2: score 'lots' is not a number.", new() { Timeout = 30_000 });
        Assert.Equal(before, await page.GetByTestId("datasets-table").Locator("tbody tr").CountAsync());
    }

    [Fact]
    public async Task LongRun_ImdbWithMiniLm_ShowsProgressWithEtaAndCancels()
    {
        var page = await app.OpenAsync("/datasets");
        var imdb = page.GetByTestId("datasets-table").Locator("tbody tr", new() { HasTextString = "IMDB reviews (built-in)" });
        for (var attempt = 0; attempt < 60 && await imdb.CountAsync() == 0; attempt++)
        {
            await Task.Delay(2000); // the built-in import runs in the background after start-up
            await page.ReloadAsync();
            await AppServerFixture.WaitInteractiveAsync(page);
        }

        await imdb.GetByTestId("run-on-dataset").ClickAsync();
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.Locator("input[data-testid=max-items], [data-testid=max-items] input").FillAsync("20000");
        await page.GetByTestId("run-experiment").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/experiments/\\d+$"), new() { Timeout = 30_000 });

        var minilm = page.GetByTestId("runs-table").Locator("tbody tr", new() { HasTextString = "MiniLM" });
        await Assertions.Expect(minilm.GetByTestId("run-status")).ToContainTextAsync("left", new() { Timeout = 120_000 }); // "Embedding 1,234/20,000 · about 3 min left"
        await minilm.GetByTestId("cancel-run").ClickAsync();
        await Assertions.Expect(minilm.GetByTestId("run-status")).ToContainTextAsync("Cancelled", new() { Timeout = 60_000 });
    }
}
