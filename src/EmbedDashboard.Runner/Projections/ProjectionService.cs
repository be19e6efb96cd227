using System.Diagnostics;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Projections;

public sealed record ProjectedPoint(float X, float Y, float Z, string Label, string Text);

public sealed record ProjectionView(
    string EmbedderId,
    IReadOnlyList<ProjectedPoint> Points,
    int Components,
    int TotalItems,
    double[] ExplainedVarianceRatio,
    TimeSpan EmbedTime,
    TimeSpan ProjectTime,
    int Missing);

/// <summary>
/// PCA projections of a labelled dataset under one embedder. Points beyond the chosen maximum are
/// left out by a seeded sample, and the page says how many are shown.
/// </summary>
public sealed class ProjectionService(IEmbedderRegistry registry, DatasetStore datasets)
{
    public async Task<ProjectionView> ProjectAsync(int datasetId, string embedderId, int components, int maxPoints, int seed, CancellationToken cancellationToken = default)
    {
        var dataset = await datasets.FindAsync(datasetId, cancellationToken) ?? throw new ArgumentException($"Dataset {datasetId} does not exist.");
        IReadOnlyList<(string Text, string Label)> items = dataset.Task switch
        {
            TaskKind.Classification => (await datasets.LoadItemsAsync<LabeledText>(datasetId, cancellationToken)).Select(i => (i.Text, i.Label)).ToList(),
            TaskKind.FaqRetrieval => (await datasets.LoadItemsAsync<FaqPair>(datasetId, cancellationToken)).Select(p => (p.Question, p.Source)).ToList(),
            _ => throw new NotSupportedException($"Projections need labelled texts; {dataset.Name} is a {dataset.Task} dataset."),
        };
        var kept = ProjectionSampler.Sample(items.Count, maxPoints, seed).Select(i => items[i]).ToList();
        var embedder = registry.Get(embedderId);
        var watch = Stopwatch.StartNew();
        var batch = await embedder.EmbedAsync(kept.Select(k => k.Text).ToList(), EmbedOptions.Default, cancellationToken: cancellationToken);
        var embedTime = watch.Elapsed;
        var rows = Enumerable.Range(0, batch.Count).Where(i => !batch.Missing[i]).ToArray();
        var data = new float[rows.Length * batch.Dimension];
        for (var r = 0; r < rows.Length; r++) batch.Row(rows[r]).CopyTo(data.AsSpan(r * batch.Dimension));
        var projection = await Task.Run(() => Pca.Project(data, rows.Length, batch.Dimension, components), cancellationToken);
        var c = projection.Components;
        var points = rows.Select((row, r) => new ProjectedPoint(
            projection.Coordinates[r * c], c > 1 ? projection.Coordinates[r * c + 1] : 0, c > 2 ? projection.Coordinates[r * c + 2] : 0,
            kept[row].Label, kept[row].Text.Length > 160 ? kept[row].Text[..160] + "…" : kept[row].Text)).ToList();
        return new ProjectionView(embedderId, points, c, items.Count, projection.ExplainedVarianceRatio, embedTime, projection.Elapsed, batch.MissingCount);
    }
}
