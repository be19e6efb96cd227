using System.Globalization;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Layers;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash layers spec.json` with {"embedder": id, "dataset": name, "maxItems": n} (optional "seed", "withRelatives"):
/// the layer analysis job through the same service, cache and job runner as the web app, in the foreground. Prints
/// `layer &lt;i&gt; &lt;metric&gt; &lt;value&gt;` for the asked embedder from the embedding layer (0) to the last, then
/// `model &lt;id&gt; layer &lt;i&gt; &lt;figure&gt; &lt;value&gt;` lines for every compared model (metric, weight_change, cka_to_base).
/// </summary>
internal static class LayersCommand
{
    private sealed record Spec(string Embedder, string Dataset, int MaxItems = 1000, int Seed = 13, bool WithRelatives = true);

    public static async Task<int> RunAsync(string[] args)
    {
        if (await JsonSpec.ReadAsync<Spec>(args, "layers", "{\"embedder\": id, \"dataset\": name, \"maxItems\": n}") is not { } spec) return 2;
        await using var services = await CliHost.BuildSeededAsync();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        if (await CliHost.FindDatasetAsync(services, spec.Dataset, cancel.Token) is not { } dataset) return 2;

        var layers = services.GetRequiredService<LayerAnalysisService>();
        LayerAnalysisStatus status;
        try
        {
            status = await layers.RequestAsync(new LayerAnalysisRequest { EmbedderId = spec.Embedder, DatasetId = dataset.Id, MaxItems = spec.MaxItems, Seed = spec.Seed, WithRelatives = spec.WithRelatives }, cancel.Token);
        }
        catch (LayerAnalysisRequestException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        if (status.Status != RunStatus.Done)
        {
            Console.Error.WriteLine($"Layer analysis {status.Id}: {spec.Embedder} on {dataset.Name}…");
            await services.GetRequiredService<JobRunner>().RunOneAsync(new JobKey(JobKind.LayerAnalysis, status.Id), cancel.Token);
        }
        else
        {
            Console.Error.WriteLine($"Layer analysis {status.Id} from the cache.");
        }

        var view = await layers.LoadAsync(status.Id, cancel.Token);
        if (view is null)
        {
            var final = await layers.GetAsync(status.Id, cancel.Token);
            Console.Error.WriteLine($"Layer analysis {status.Id} {final?.Status}: {final?.Error ?? final?.Message}");
            return 1;
        }

        var r = view.Result;
        var asked = r.Models.First(m => m.EmbedderId == spec.Embedder);
        for (var i = 0; i < asked.Metric.Count; i++) Console.WriteLine(Line($"layer {i} {r.Metric}", asked.Metric[i]));
        foreach (var m in r.Models)
        {
            for (var i = 0; i < m.Metric.Count; i++)
            {
                Console.WriteLine(Line($"model {m.EmbedderId} layer {i} {r.Metric}", m.Metric[i]));
                if (m.WeightChange is { } w) Console.WriteLine(Line($"model {m.EmbedderId} layer {i} weight_change", w[i]));
                if (m.CkaToBase is { } c) Console.WriteLine(Line($"model {m.EmbedderId} layer {i} cka_to_base", c[i]));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {r.Task} on {view.DatasetName}: {r.Items:N0} items scored per layer, CKA on {r.CkaTexts:N0} texts, {view.Elapsed.TotalSeconds:0} s"));
        foreach (var note in r.Notes) Console.WriteLine($"# note: {note}");
        return 0;
    }

    private static string Line(string head, double value) => string.Create(CultureInfo.InvariantCulture, $"{head} {value:0.000000}");
}
