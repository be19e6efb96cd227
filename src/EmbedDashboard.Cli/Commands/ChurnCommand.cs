using System.Globalization;
using System.Text.Json.Serialization;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Runner.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash churn spec.json` with {"dataset": name, "embedder": id, "compareWith": id} (optional "k", "maxPoints",
/// "method", "seed"): the projection job with neighbour churn, through the same service, cache and job runner as the
/// projections page. Prints the mean overlap, its histogram, the items that move most, and — when both embedders have
/// a finished classification run on the dataset — how often the lowest-overlap quarter are errors against the rest.
/// </summary>
internal static class ChurnCommand
{
    private sealed record Spec(string Dataset, string Embedder, string CompareWith, int K = 10, int MaxPoints = 1000,
        [property: JsonConverter(typeof(JsonStringEnumConverter))] ProjectionMethod Method = ProjectionMethod.Pca, int Seed = 13);

    public static async Task<int> RunAsync(string[] args)
    {
        if (await JsonSpec.ReadAsync<Spec>(args, "churn", "{\"dataset\": name, \"embedder\": id, \"compareWith\": id, \"k\": 10, \"maxPoints\": 1000}") is not { } spec) return 2;
        await using var services = await CliHost.BuildSeededAsync();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        if (await CliHost.FindDatasetAsync(services, spec.Dataset, cancel.Token) is not { } dataset) return 2;

        var projections = services.GetRequiredService<ProjectionService>();
        ProjectionStatus status;
        try
        {
            status = await projections.RequestAsync(new ProjectionRequest
            {
                DatasetId = dataset.Id, EmbedderId = spec.Embedder, CompareWith = spec.CompareWith, ChurnK = spec.K, MaxPoints = spec.MaxPoints,
                Method = spec.Method, Seed = spec.Seed,
            }, cancel.Token);
        }
        catch (ProjectionRequestException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        if (status.Status != RunStatus.Done)
        {
            Console.Error.WriteLine($"Projection {status.Id}: {spec.Embedder} on {dataset.Name}, neighbours compared with {spec.CompareWith}…");
            await services.GetRequiredService<JobRunner>().RunOneAsync(new JobKey(JobKind.Projection, status.Id), cancel.Token);
        }

        var view = await projections.LoadAsync(status.Id, fromCache: status.Status == RunStatus.Done, cancel.Token);
        if (view?.Churn is not { } churn)
        {
            var final = await projections.GetAsync(status.Id, cancel.Token);
            Console.Error.WriteLine($"Projection {status.Id} {final?.Status}: {final?.Error ?? final?.Message}");
            return 1;
        }

        Print(churn, view, dataset.Name, await services.GetRequiredService<ChurnErrorService>().ForAsync(dataset.Id, churn, cancel.Token));
        return 0;
    }

    private static void Print(ProjectionChurn churn, ProjectionView view, string datasetName, ChurnErrorView errors)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"# {churn.First.Name} vs {churn.Second.Name} on {datasetName}: k = {churn.K}, {churn.Items:N0} items ({churn.Excluded:N0} without a vector under {churn.Second.Name}){(view.FromCache ? ", cached" : "")}"));
        Console.WriteLine(string.Create(inv, $"mean_overlap {churn.MeanOverlap:0.0000}"));
        for (var s = 0; s < churn.Histogram.Count; s++) Console.WriteLine(string.Create(inv, $"shared {s}/{churn.K} items {churn.Histogram[s]}"));
        var text = view.Points.ToDictionary(p => p.Item, p => p.Text);
        foreach (var m in churn.MostMoved.Take(10))
        {
            var e = errors.ByItem.GetValueOrDefault(m.Item);
            var verdict = e is null ? "" : $" gold={e.Gold} {churn.First.Name}={e.FirstPredicted ?? "-"} {churn.Second.Name}={e.SecondPredicted ?? "-"}";
            Console.WriteLine(string.Create(inv, $"moved item {m.Item} overlap {m.Overlap:0.00}{verdict} | {Cut(text.GetValueOrDefault(m.Item) ?? "", 70)}"));
        }

        if (errors.First is { } a) Console.WriteLine($"errors of {churn.First.Name}: run {a.RunId} (experiment {a.ExperimentId})");
        if (errors.Second is { } b) Console.WriteLine($"errors of {churn.Second.Name}: run {b.RunId} (experiment {b.ExperimentId})");
        if (errors.Message is not null) Console.WriteLine($"# {errors.Message}");
        if (errors.First is null || errors.Second is null) return;
        var summary = errors.Summary(churn);
        void Group(string name, ChurnErrorCounts c) => Console.WriteLine(string.Create(inv,
            $"{name} items {c.Items} {churn.First.Id}_wrong {c.FirstWrong} ({Rate(c.FirstWrong, c.Items)}) {churn.Second.Id}_wrong {c.SecondWrong} ({Rate(c.SecondWrong, c.Items)}) both_wrong {c.BothWrong}"));
        Group("lowest_quarter", summary.LowestQuarter);
        Group("rest", summary.Rest);
    }

    private static string Rate(int count, int of) => of == 0 ? "-" : (count / (double)of).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Cut(string text, int length) => (text.Length > length ? text[..length] + "…" : text).ReplaceLineEndings(" ");
}
