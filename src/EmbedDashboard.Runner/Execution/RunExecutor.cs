using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Specs;

namespace EmbedDashboard.Runner.Execution;

/// <summary>A finished run, ready to be stored.</summary>
public sealed record RunResult(IReadOnlyList<MetricValue> Metrics, ReproducibilityRecord Repro, EfficiencyRecord Efficiency, string? Notes, ItemOutcomes? Items = null);

/// <summary>Runs one (dataset, embedder) pair: picks the task runner, measures cost, records reproducibility.</summary>
public sealed class RunExecutor(DatasetStore datasets, IEmbedderRegistry registry, IEnumerable<ITaskRunner> taskRunners)
{
    // The last registration of a task wins, so a host (or a test) can replace a runner.
    private readonly IReadOnlyDictionary<Core.Datasets.TaskKind, ITaskRunner> _runners =
        taskRunners.GroupBy(r => r.Task).ToDictionary(g => g.Key, g => g.Last());

    public async Task<RunResult> ExecuteAsync(RunEntity run, RunOptions options, IProgress<(double Fraction, string Message)> progress, CancellationToken cancellationToken)
    {
        var dataset = run.Dataset ?? await datasets.FindAsync(run.DatasetId, cancellationToken)
            ?? throw new InvalidOperationException($"Dataset {run.DatasetId} no longer exists.");
        if (!_runners.TryGetValue(dataset.Task, out var runner))
        {
            throw new NotSupportedException($"No evaluator for task {dataset.Task} (dataset '{dataset.Name}').");
        }

        var embedder = registry.Get(run.EmbedderId);
        var watch = Stopwatch.StartNew();
        TaskOutcome outcome;
        using (var sampler = new WorkingSetSampler())
        {
            outcome = await runner.RunAsync(new TaskRunContext(
                dataset.Id, dataset.Task, datasets, embedder, registry.GetWordLevel(run.EmbedderId), registry, options, progress, cancellationToken));
            var info = embedder.Info;
            var stats = outcome.Stats;
            var encoded = Math.Max(0, stats.Texts - stats.CacheHits);
            var efficiency = new EfficiencyRecord(
                stats.Elapsed > TimeSpan.Zero ? encoded / stats.Elapsed.TotalSeconds : 0, stats.TokensPerSecond, stats.MsPerBatch, stats.Texts, stats.Tokens, stats.CacheHits, stats.OovRate,
                sampler.PeakBytes, info.Dimension, info.ModelFileBytes, stats.Elapsed.TotalSeconds, watch.Elapsed.TotalSeconds, encoded);
            return new RunResult(outcome.Metrics, Reproducibility(info, dataset, options) with { WordContext = outcome.WordContext }, efficiency, outcome.Notes, outcome.Items);
        }
    }

    internal static ReproducibilityRecord Reproducibility(EmbedderInfo info, DatasetEntity dataset, RunOptions options) => new(
        info.Id,
        info.ModelFileSha256,
        dataset.ContentSha256,
        options.SplitSeed,
        options.Seeds,
        options.MaxItems,
        info.Kind is EmbedderKind.StaticWordVectors or EmbedderKind.TrainedEmbeddingLayer ? "mean of word vectors" : options.ToEmbedOptions().PoolingFor(info.Profile).ToString(),
        info.Profile is { } profile ? Math.Min(options.MaxTokens, profile.MaxTokens) : options.MaxTokens,
        options.BatchSize,
        LibraryVersions.Value,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        info.Profile?.QueryPrefix ?? "",
        info.Profile?.PassagePrefix ?? "",
        info.Profile?.LowerCase,
        info.BaseEmbedderId);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> LibraryVersions = new(() =>
    {
        var names = new[] { "Microsoft.ML.OnnxRuntime", "Microsoft.ML.Tokenizers", "System.Numerics.Tensors", "MathNet.Numerics", "Microsoft.EntityFrameworkCore", "EmbedDashboard.Core" };
        var loaded = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        foreach (var a in AppDomain.CurrentDomain.GetAssemblies())
        {
            loaded.TryAdd(a.GetName().Name ?? "", a);
        }

        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            Assembly? assembly = loaded.GetValueOrDefault(name);
            try
            {
                assembly ??= Assembly.Load(name);
            }
            catch (Exception)
            {
                continue;
            }

            versions[name] = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
                ?? assembly.GetName().Version?.ToString() ?? "?";
        }

        return versions;
    });

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };
}
