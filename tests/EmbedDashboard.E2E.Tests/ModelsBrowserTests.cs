using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Paths;
using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

[Collection(AppServerCollection.Name)]
public sealed class ModelsBrowserTests(AppServerFixture app)
{
    /// <summary>A user's own word vectors for every WS-353 word: 8 values from a fixed hash of the word (reproducible, not meaningful).</summary>
    private static string WriteTeamVectors(string folder, string ws353)
    {
        var words = File.ReadLines(ws353).SelectMany(l => l.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries).Take(2))
            .Where(w => !double.TryParse(w, CultureInfo.InvariantCulture, out _)).Select(w => w.ToLowerInvariant()).Distinct().ToList();
        var text = new StringBuilder();
        foreach (var word in words)
        {
            var rng = new Random(word.Aggregate(17, (h, c) => h * 31 + c));
            text.Append(word);
            for (var i = 0; i < 8; i++) text.Append(' ').Append((rng.NextDouble() - 0.5).ToString("0.0000", CultureInfo.InvariantCulture));
            text.Append('\n');
        }

        var path = Path.Combine(folder, "team-vectors.txt");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public async Task AddModel_UploadedVectors_ListedAndRunInAnExperiment()
    {
        var shared = AppPaths.SharedDatasets() ?? throw new InvalidOperationException("../shared/datasets is missing.");
        var ws353 = Path.Combine(shared, "word-sim", "EN-WS-353-ALL.txt");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Team vectors " + suffix;
        var dataset = "WS-353 copy " + suffix;
        var page = await app.OpenAsync("/models");

        await AppServerFixture.SetUploadFileAsync(page, "[data-testid=add-model] input[type=file]", WriteTeamVectors(app.DataFolder, ws353));
        await Assertions.Expect(page.GetByTestId("staged-files")).ToContainTextAsync("team-vectors.txt", new() { Timeout = 30_000 });
        await page.Locator("input[data-testid=model-name], [data-testid=model-name] input").FillAsync(name);
        await page.GetByText("Task-specific (pretrained").ClickAsync();
        await page.GetByTestId("add-model-submit").ClickAsync();

        var ok = page.GetByTestId("add-model-ok");
        await Assertions.Expect(ok).ToContainTextAsync("task-specific", new() { Timeout = 60_000 });
        var id = Regex.Match(await ok.InnerTextAsync(), @"\((?<id>[^)\s]+)\)").Groups["id"].Value;
        var row = page.GetByTestId("models-table").Locator("tbody tr", new() { HasTextString = name });
        await Assertions.Expect(row).ToContainTextAsync("task-specific");
        await Assertions.Expect(row).ToContainTextAsync("upload: team-vectors.txt");

        // The same words as a dataset, then an experiment with the new embedder beside GloVe.
        var datasets = await app.OpenAsync("/datasets");
        await datasets.GetByTestId("upload-name").FillAsync(dataset);
        await AppServerFixture.SetUploadFileAsync(datasets, "input[data-testid=upload-file], [data-testid=upload-file] input[type=file]", ws353);
        await Assertions.Expect(datasets.GetByTestId("upload-ok")).ToContainTextAsync("353 items", new() { Timeout = 30_000 });
        await datasets.GetByTestId("datasets-table").Locator("tbody tr", new() { HasTextString = dataset }).GetByTestId("run-on-dataset").ClickAsync();
        await datasets.WaitForURLAsync(new Regex("/experiments/new\\?datasets=\\d+"));
        await datasets.GotoAsync(datasets.Url + $"&embedders={id},glove-6b-100d");
        await AppServerFixture.WaitInteractiveAsync(datasets);
        await datasets.GetByTestId("run-experiment").ClickAsync();

        await datasets.WaitForURLAsync(new Regex("/experiments/\\d+$"), new() { Timeout = 30_000 });
        var runs = datasets.GetByTestId("runs-table").Locator("tbody tr");
        var mine = runs.Filter(new() { HasTextString = name });
        await Assertions.Expect(mine.GetByTestId("run-status")).ToContainTextAsync("Done", new() { Timeout = 120_000 });
        await Assertions.Expect(mine).ToContainTextAsync("task-specific");
        await Assertions.Expect(mine.GetByTestId("run-primary")).ToContainTextAsync("spearman");
    }
}
