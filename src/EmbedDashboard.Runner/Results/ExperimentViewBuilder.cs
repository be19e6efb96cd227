using System.Text.Json;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Results;

/// <summary>Maps stored experiments to what pages, exports and the CLI show.</summary>
public static class ExperimentViewBuilder
{
    /// <param name="cache">Keeps finished runs' statistics between builds; null computes them every time.</param>
    public static ExperimentView Build(ExperimentEntity experiment, IReadOnlyList<EmbedderInfo> embedders, VerdictCache? cache = null)
    {
        var byId = embedders.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var runs = experiment.Runs.OrderBy(r => r.DatasetId).ThenBy(r => r.EmbedderId, StringComparer.Ordinal).Select(r =>
        {
            var info = byId.GetValueOrDefault(r.EmbedderId);
            return new RunView(
                r.Id,
                r.DatasetId,
                r.Dataset?.Name ?? $"dataset {r.DatasetId}",
                r.Dataset?.Task ?? default,
                r.EmbedderId,
                r.EmbedderName ?? info?.DisplayName ?? r.EmbedderId,
                r.EmbedderIsGeneral ?? info?.IsGeneral ?? true,
                r.Status,
                r.Progress,
                r.ProgressMessage,
                r.Error,
                r.Metrics.OrderByDescending(m => m.IsPrimary).ThenBy(m => m.Name, StringComparer.Ordinal)
                    .Select(m => new MetricView(m.Name, m.Value, m.Std, m.IsPrimary, ParseValues(m.ValuesJson))).ToList(),
                Parse<EfficiencyRecord>(r.EfficiencyJson),
                Parse<ReproducibilityRecord>(r.ReproJson),
                r.StartedAt,
                r.FinishedAt);
        }).ToList();

        var withDeltas = WithDeltas(runs);
        (IReadOnlyList<RunView>, IReadOnlyList<DatasetVerdict>) Compute()
        {
            return VerdictBuilder.Apply(withDeltas, ItemsOf(experiment), BootstrapOptions.Default);
        }

        var (scored, verdicts) = cache is null ? Compute() : cache.GetOrCompute(experiment.Id, withDeltas, Compute);
        return new ExperimentView(experiment.Id, experiment.Name, experiment.CreatedAt, experiment.SpecJson, scored) { Verdicts = verdicts };
    }

    /// <summary>Each run's stored per-item outcomes, by run id; runs without them are absent.</summary>
    internal static Dictionary<int, ItemOutcomes> ItemsOf(ExperimentEntity experiment)
    {
        var items = new Dictionary<int, ItemOutcomes>();
        foreach (var r in experiment.Runs.Where(r => r.ItemOutcomesGzip is { Length: > 0 }))
        {
            items[r.Id] = GzipJson.Deserialize<ItemOutcomes>(r.ItemOutcomesGzip!);
        }

        return items;
    }

    /// <summary>The "general vs task-specific" column: each task-specific run against the best general run on its dataset.</summary>
    internal static IReadOnlyList<RunView> WithDeltas(IReadOnlyList<RunView> runs)
    {
        var bestGeneral = runs.Where(r => r.IsGeneral && r.Primary is not null)
            .GroupBy(r => r.DatasetId)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Primary!.Value));
        return runs.Select(r => !r.IsGeneral && r.Primary is { } p && bestGeneral.TryGetValue(r.DatasetId, out var best)
            ? r with { DeltaVsBestGeneral = p.Value - best }
            : r).ToList();
    }

    private static IReadOnlyList<double> ParseValues(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<double[]>(json) ?? [];

    private static T? Parse<T>(string? json) where T : class =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, RunExecutor.JsonOptions);
}
