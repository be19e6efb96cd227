using System.Globalization;
using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed class ModelsPageBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task TryIt_GuitarSentences_MiniLmCosineShownNextToGlove()
    {
        var page = await app.OpenAsync("/models");
        // MudBlazor's stylesheet comes from static web assets: served in Production too.
        var css = await page.APIRequest.GetAsync(app.BaseUrl + "/_content/MudBlazor/MudBlazor.min.css");
        Assert.True(css.Ok, $"MudBlazor.min.css: HTTP {css.Status}");

        await page.GetByTestId("try-compare").ClickAsync();

        var rows = page.GetByTestId("try-row");
        await rows.Nth(1).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var texts = await rows.AllInnerTextsAsync();
        var minilm = texts.Single(t => t.Contains("MiniLM", StringComparison.OrdinalIgnoreCase));
        var glove = texts.Single(t => t.Contains("GloVe", StringComparison.OrdinalIgnoreCase));
        // Default pair: "A man is playing a guitar." / "Someone is strumming a guitar." (MiniLM ≈ 0.72, issue #2).
        var cosine = double.Parse(minilm.Split('\t', '\n').First(s => s.Trim().StartsWith("0.", StringComparison.Ordinal)).Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(cosine, 0.6, 0.85);
        Assert.Matches(@"0\.\d{3}", glove);
    }
}
