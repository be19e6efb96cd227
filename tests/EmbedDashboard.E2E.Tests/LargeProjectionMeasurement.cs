using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EmbedDashboard.E2E.Tests;

public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("EMBED_ACCEPTANCE") != "1") Skip = "Long measurement; set EMBED_ACCEPTANCE=1 to run.";
    }
}

/// <summary>
/// Large projections in the browser: all 49,578 IMDB reviews with PCA and 20,000 with UMAP and t-SNE under GloVe.
/// Prints the time until the plot is drawn and how long the page takes to answer a script afterwards
/// (a frozen page would not answer). Opt-in: EMBED_ACCEPTANCE=1.
/// </summary>
[Collection(AppServerCollection.Name)]
public sealed class LargeProjectionMeasurement(AppServerFixture app, ITestOutputHelper output)
{
    [MeasurementFact]
    public async Task Projections_ImdbLarge_DrawnAndPageResponsive()
    {
        var page = await app.OpenAsync("/datasets");
        var imdb = page.GetByTestId("datasets-table").Locator("tbody tr", new() { HasTextString = "IMDB reviews (built-in)" });
        for (var attempt = 0; attempt < 60 && await imdb.CountAsync() == 0; attempt++)
        {
            await Task.Delay(2000);
            await page.ReloadAsync();
        }

        foreach (var (method, max) in new[] { ("Pca", 49578), ("Umap", 20000), ("Tsne", 20000) })
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString("IMDB reviews (built-in)")}&embedders=glove-6b-100d&method={method}&max={max}&run=1");
            await AppServerFixture.WaitInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=projection] .main-svg").First).ToBeVisibleAsync(new() { Timeout = 900_000 });
            var drawn = watch.Elapsed;
            var ping = Stopwatch.StartNew();
            await page.EvaluateAsync("() => 1 + 1");
            output.WriteLine($"{method} {max:N0}: drawn after {drawn.TotalSeconds:0.0} s; page answered a script in {ping.ElapsedMilliseconds} ms; {await page.GetByTestId("projection-caption").First.InnerTextAsync()}");
        }
    }
}
