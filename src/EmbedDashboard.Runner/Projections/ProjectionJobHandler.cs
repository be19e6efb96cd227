using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Projections;

/// <summary>
/// Projections in the job framework: seeded sample of the dataset, embed, project with PCA, t-SNE or UMAP, and
/// measure how well the picture keeps neighbourhoods (trustworthiness on a sample).
/// </summary>
public sealed class ProjectionJobHandler(IEmbedderRegistry registry, DatasetStore datasets, ProjectionStore store) : IJobHandler
{
    private const int TrustworthinessSample = 1000;
    private const int TextLength = 120;

    public JobKind Kind => JobKind.Projection;

    public async Task<JobCompletion> ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var id = job.Id;
        var entity = await store.GetAsync(id, withPoints: false, cancellationToken) ?? throw new KeyNotFoundException($"Projection {id} does not exist.");
        var parameters = Parse(entity.ParamsKey);
        var compareId = Pairs(entity.ParamsKey).GetValueOrDefault("compare");
        var dataset = await datasets.FindAsync(entity.DatasetId, cancellationToken) ?? throw new ProjectionRequestException($"Dataset {entity.DatasetId} no longer exists.");
        var items = await ProjectionService.LabelledTextsAsync(datasets, dataset, cancellationToken);
        var sample = ProjectionSampler.Sample(items.Count, (int)parameters["max"], (int)parameters["seed"]);
        var embedder = registry.Get(entity.EmbedderId);

        void Report(double fraction, string message, bool force = false) => job.Progress.Report(fraction, message, force);

        // With a comparison embedder, its embedding and the two kNN searches take a share of the bar before the method's.
        var embedEnd = compareId is null ? 0.4 : 0.3;
        var methodStart = compareId is null ? 0.4 : 0.45;

        Report(0, $"Embedding {sample.Length:N0} texts with {embedder.Info.DisplayName}", force: true);
        var watch = Stopwatch.StartNew();
        var batch = await embedder.EmbedAsync(sample.Select(i => items[i].Text).ToList(), EmbedOptions.Default,
            new Progress<EmbedProgress>(p => Report(embedEnd * p.Done / Math.Max(1, p.Total), $"Embedding {p.Done:N0}/{p.Total:N0} texts")), cancellationToken);
        var embedSeconds = watch.Elapsed.TotalSeconds;
        var rows = Enumerable.Range(0, batch.Count).Where(i => !batch.Missing[i]).ToArray();
        if (rows.Length < 10) throw new ProjectionRequestException($"{embedder.Info.DisplayName} gave vectors for only {rows.Length} of {batch.Count} texts; a projection needs at least 10.");
        var d = batch.Dimension;
        var data = new float[rows.Length * d];
        for (var r = 0; r < rows.Length; r++) batch.Row(rows[r]).CopyTo(data.AsSpan(r * d, d));

        ProjectionChurn? churn = null;
        if (compareId is not null)
        {
            var second = registry.Installed.Any(e => e.Id == compareId) ? registry.Get(compareId)
                : throw new ProjectionRequestException($"The embedder to compare neighbours with, '{compareId}', is no longer installed.");
            churn = await ProjectionChurnStep.ComputeAsync(embedder, second, data, d, rows.Select(r => sample[r]).ToArray(),
                rows.Select(r => items[sample[r]].Text).ToList(), (int)parameters["churnk"],
                (f, message) => Report(embedEnd + (methodStart - embedEnd) * f, message), cancellationToken);
        }

        var components = entity.Components;
        var method = entity.Method;
        Report(methodStart, $"{method} of {rows.Length:N0} points", force: true);
        var projectProgress = new Progress<double>(f => Report(methodStart + (0.95 - methodStart) * f, $"{method}: {f:P0}"));
        var projection = await Task.Run(() => method switch
        {
            ProjectionMethod.Tsne => Tsne.Project(data, rows.Length, d, new TsneOptions { Components = components, Perplexity = parameters["perplexity"], Seed = (int)parameters["seed"] }, projectProgress, cancellationToken),
            ProjectionMethod.Umap => Umap.Project(data, rows.Length, d, new UmapOptions { Components = components, Neighbours = (int)parameters["neighbours"], MinDist = parameters["mindist"], Seed = (int)parameters["seed"] }, projectProgress, cancellationToken),
            _ => Pca.Project(data, rows.Length, d, components),
        }, cancellationToken);

        Report(0.96, "Measuring trustworthiness", force: true);
        var figures = new Dictionary<string, double>();
        if (projection.ExplainedVarianceRatio.Length > 0) figures["explained_variance"] = projection.ExplainedVarianceRatio.Sum();
        var (trust, trustPoints) = SampledTrustworthiness(data, d, projection.Coordinates, components, rows.Length, (int)parameters["seed"]);
        figures["trustworthiness_k10"] = trust;
        figures["trustworthiness_points"] = trustPoints;

        var c = components;
        var points = rows.Select((row, r) =>
        {
            var (text, label) = items[sample[row]];
            return new ProjectedPoint(sample[row], projection.Coordinates[r * c], projection.Coordinates[r * c + 1], c > 2 ? projection.Coordinates[r * c + 2] : 0,
                label, text.Length > TextLength ? text[..TextLength] + "…" : text);
        }).ToList();
        if (churn is not null) figures["churn_mean_overlap"] = churn.MeanOverlap;
        return new ProjectionCompletion(GzipJson.Serialize(points), items.Count, batch.MissingCount, embedSeconds, projection.Elapsed.TotalSeconds,
            JsonSerializer.Serialize(figures), churn is null ? null : GzipJson.Serialize(churn));
    }

    /// <summary>Trustworthiness (k = 10) on a seeded sample: exact on up to 1,000 points, since it costs O(n²).</summary>
    private static (double Value, int Points) SampledTrustworthiness(float[] high, int d, float[] low, int c, int n, int seed)
    {
        var pick = ProjectionSampler.Sample(n, TrustworthinessSample, seed);
        var h = new float[pick.Length * d];
        var l = new float[pick.Length * c];
        for (var i = 0; i < pick.Length; i++)
        {
            high.AsSpan(pick[i] * d, d).CopyTo(h.AsSpan(i * d, d));
            low.AsSpan(pick[i] * c, c).CopyTo(l.AsSpan(i * c, c));
        }

        var k = Math.Min(10, Math.Max(1, pick.Length / 2 - 1));
        return (Trustworthiness.Compute(h, d, l, c, pick.Length, k), pick.Length);
    }

    /// <summary>The numeric parameters of a cache key (text ones, such as the comparison embedder's id, are left out).</summary>
    internal static Dictionary<string, double> Parse(string paramsKey) => Pairs(paramsKey)
        .Where(kv => double.TryParse(kv.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        .ToDictionary(kv => kv.Key, kv => double.Parse(kv.Value, CultureInfo.InvariantCulture));

    internal static Dictionary<string, string> Pairs(string paramsKey) => paramsKey.Split(';')
        .Select(part => part.Split('=', 2))
        .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
}
