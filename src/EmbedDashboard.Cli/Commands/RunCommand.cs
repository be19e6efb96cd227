using System.Globalization;
using System.Text.Json;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Runner.Specs;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash run spec.json`: creates the experiment in the same SQLite store as the web app, runs
/// each run in the foreground through the same job runner as the app's worker, and prints the results table.
/// Exit code 0 when every run is done, 1 otherwise.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine(args.Length == 1 ? $"Spec file not found: {Path.GetFullPath(args[0])}" : "usage: embeddash run <spec.json>");
            return 2;
        }

        ExperimentSpec spec;
        try
        {
            spec = ExperimentService.ParseSpec(await File.ReadAllTextAsync(args[0]));
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"{args[0]}: not a valid experiment spec ({ex.Message}).");
            return 2;
        }

        await AssetSetup.EnsureAsync(AppPaths.Root(), new SynchronousProgress(Console.WriteLine));
        await using var services = await CliHost.BuildAsync();
        await services.GetRequiredService<BuiltInDatasetSeeder>().SeedAsync(AppPaths.Root(), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        ExperimentEntity experiment;
        try
        {
            experiment = await services.GetRequiredService<ExperimentService>().CreateAsync(spec, cancel.Token);
        }
        catch (ExperimentSpecException ex)
        {
            foreach (var problem in ex.Problems) Console.Error.WriteLine(problem);
            return 2;
        }

        var jobs = services.GetRequiredService<JobRunner>();
        foreach (var run in experiment.Runs)
        {
            Console.WriteLine($"Run {run.Id}: dataset {run.DatasetId} × {run.EmbedderId}…");
            await jobs.RunOneAsync(new JobKey(JobKind.Run, run.Id), cancel.Token);
        }

        var view = (await services.GetRequiredService<ExperimentQueries>().GetAsync(experiment.Id))!;
        Console.WriteLine($"Experiment {view.Id} \"{view.Name}\"");
        Console.WriteLine($"{"dataset",-28} {"embedder",-26} {"status",-9} {"metric",-18} {"value",8} {"95% CI",-18} {"± std",7} {"Δ vs best general",18} {"coverage",8} {"texts/s",9} {"embedded",-20}");
        foreach (var r in view.Runs)
        {
            var p = r.Primary;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Clip(r.DatasetName, 28),-28} {Clip(r.EmbedderName, 26),-26} {r.Status,-9} {p?.Name ?? "",-18} {p?.Value,8:0.0000} {Interval(r.Score),-18} {p?.Std,7:0.0000} {Delta(r.VsBestGeneral),18} {r.Score?.Coverage,8:P1} {EmbeddedCount.Throughput(r.Efficiency),9} {EmbeddedCount.Format(r.Efficiency),-20}"));
            if (r.Score?.Note is { } note) Console.WriteLine($"    note: {note}");
            if (r.Repro?.WordContext is { } words) Console.WriteLine($"    word vectors: {words.Describe()}");
            if (r.Error is not null) Console.WriteLine($"    error: {r.Error}");
        }

        // One line per dataset; scripts can grep for "verdict:".
        foreach (var verdict in view.Verdicts)
        {
            Console.WriteLine($"verdict: {verdict.Sentence}");
        }

        foreach (var contrast in await services.GetRequiredService<ExperimentQueries>().GetItemContrastsAsync(experiment.Id))
        {
            PrintContrast(contrast);
        }

        return view.Runs.All(r => r.Status == RunStatus.Done) ? 0 : 1;
    }

    // The result page's item-by-item panel in lines: the disagreement counts, then one line per slice ("slice:" to grep).
    private static void PrintContrast(ItemContrastView c)
    {
        if (c.Unavailable is not null)
        {
            Console.WriteLine($"items: {c.DatasetName}: {c.Unavailable}");
            return;
        }

        if (c.Differences is { } d)
        {
            Console.WriteLine($"items: {c.DatasetName}: of {d.Compared:N0} items ({d.Measure}), {c.TaskSpecificName} better on {d.FirstBetterTotal:N0}, {c.GeneralName} on {d.SecondBetterTotal:N0}");
            foreach (var x in d.FirstBetter.Take(3).Concat(d.SecondBetter.Take(3)))
            {
                Console.WriteLine($"item: {x.Text} | {x.FirstValue} | {x.SecondValue}");
            }

            return;
        }

        Console.WriteLine($"items: {c.DatasetName}: {c.TaskSpecificName} right and {c.GeneralName} wrong on {c.SpecificOnlyRightTotal:N0}, the reverse on {c.GeneralOnlyRightTotal:N0}");
        foreach (var table in c.Slices)
        {
            if (table.Unavailable is not null) Console.WriteLine($"slice: {table.Title}: {table.Unavailable}");
            foreach (var s in table.Slices)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"slice: {table.Title,-16} {s.Label,-18} n {s.Items,6:N0}  {s.TaskSpecificAccuracy,6:0.000} vs {s.GeneralAccuracy,6:0.000}  Δ {s.DifferenceText}{(s.IsFew ? " (few)" : "")}"));
            }
        }
    }

    // The primary metric's 95% bootstrap interval over the dataset's common items, as [low, high].
    internal static string Interval(RunScore? score) => score is null || double.IsNaN(score.CiLow)
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"[{score.CiLow:0.0000}, {score.CiHigh:0.0000}]");

    // Δ with a star when significant after Holm; empty for the baseline and for runs without a test.
    internal static string Delta(Comparison? c) => c?.Delta is not { } d
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{d:+0.0000;-0.0000;0.0000}{(c.Significant ? "*" : " ")}");

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
