using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed class ProjectionsBrowserTests(AppServerFixture app)
{
    [Fact]
    public async Task Project_UploadedTopics_TwoPcaPlotsWithSamplingSaid()
    {
        var name = "topics " + Guid.NewGuid().ToString("N")[..6];
        var file = Path.Combine(app.DataFolder, "topics.csv");
        var rows = Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? $"\"The match ended with a late goal, number {i}\",sport" : $"\"Shares fell as the market closed, report {i}\",finance");
        await File.WriteAllTextAsync(file, "text,label\n" + string.Join('\n', rows) + "\n");
        var page = await app.OpenAsync("/datasets");
        await page.GetByTestId("upload-name").FillAsync(name);
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.GetByTestId("upload-ok").WaitForAsync(new() { Timeout = 30_000 });

        await page.GotoAsync($"{app.BaseUrl}/projections?dataset={Uri.EscapeDataString(name)}&max=40");
        await AppServerFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("project").ClickAsync();

        var captions = page.GetByTestId("projection-caption");
        await Assertions.Expect(captions).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Assertions.Expect(captions.First).ToContainTextAsync("Showing 40 of 60 items (seeded sample)");
        await Assertions.Expect(page.Locator("[data-testid=projection] .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.DataFolder, "projections.png"), FullPage = true });
    }
}
