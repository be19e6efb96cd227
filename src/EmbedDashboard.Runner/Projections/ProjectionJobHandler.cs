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
        var dataset = await datasets.FindAsync(entity.DatasetId, cancellationToken) ?? throw new ProjectionRequestException($"Dataset {entity.DatasetId} no longer exists.");
        var items = await ProjectionService.LabelledTextsAsync(datasets, dataset, cancellationToken);
        var sample = ProjectionSampler.Sample(items.Count, (int)parameters["max"], (int)parameters["seed"]);
        var embedder = registry.Get(entity.EmbedderId);

        void Report(double fraction, string message, bool force = false) => job.Progress.Report(fraction, message, force);

        Report(0, $"Embedding {sample.Length:N0} texts with {embedder.Info.DisplayName}", force: true);
        var watch = Stopwatch.StartNew();
        var batch = await embedder.EmbedAsync(sample.Select(i => items[i].Text).ToList(), EmbedOptions.Default,
            new Progress<EmbedProgress>(p => Report(0.4 * p.Done / Math.Max(1, p.Total), $"Embedding {p.Done:N0}/{p.Total:N0} texts")), cancellationToken);
        var embedSeconds = watch.Elapsed.TotalSeconds;
        var rows = Enumerable.Range(0, batch.Count).Where(i => !batch.Missing[i]).ToArray();
        if (rows.Length < 10) throw new ProjectionRequestException($"{embedder.Info.DisplayName} gave vectors for only {rows.Length} of {batch.Count} texts; a projection needs at least 10.");
        var d = batch.Dimension;
        var data = new float[rows.Length * d];
        for (var r = 0; r < rows.Length; r++) batch.Row(rows[r]).CopyTo(data.AsSpan(r * d, d));

        var components = entity.Components;
        var method = entity.Method;
        Report(0.4, $"{method} of {rows.Length:N0} points", force: true);
        var projectProgress = new Progress<double>(f => Report(0.4 + 0.55 * f, $"{method}: {f:P0}"));
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
        return new ProjectionCompletion(GzipJson.Serialize(points), items.Count, batch.MissingCount, embedSeconds, projection.Elapsed.TotalSeconds, JsonSerializer.Serialize(figures));
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

    internal static Dictionary<string, double> Parse(string paramsKey) => paramsKey.Split(';')
        .Select(part => part.Split('=', 2))
        .ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture));
}
