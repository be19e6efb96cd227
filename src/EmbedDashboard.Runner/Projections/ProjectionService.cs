using EmbedDashboard.Core.Access;
using System.Text.Json;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Projections;

/// <summary>
/// What pages call: ask for a projection (answered from the SQLite cache when the same embedder,
/// dataset, method and parameters were computed before with the same model and data, otherwise
/// queued for the background worker), follow its progress, read the finished points, cancel.
/// </summary>
public sealed class ProjectionService(IEmbedderRegistry registry, DatasetStore datasets, ProjectionStore store, JobQueue queue, JobRunner jobs, IUserAccess access)
{
    public async Task<ProjectionStatus> RequestAsync(ProjectionRequest request, CancellationToken cancellationToken = default)
    {
        var problems = request.Validate();
        if (problems.Count > 0) throw new ProjectionRequestException(string.Join(" ", problems));
        var dataset = await datasets.FindAsync(request.DatasetId, cancellationToken)
            ?? throw new ProjectionRequestException($"Dataset {request.DatasetId} does not exist.");
        if (dataset.Task is not (TaskKind.Classification or TaskKind.FaqRetrieval))
        {
            throw new ProjectionRequestException($"Projections need labelled texts; '{dataset.Name}' is a {dataset.Task} dataset.");
        }

        var info = registry.Installed.FirstOrDefault(e => e.Id == request.EmbedderId)
            ?? throw new ProjectionRequestException($"Unknown embedder '{request.EmbedderId}'.");
        var compare = request.CompareWith is null ? null : registry.Installed.FirstOrDefault(e => e.Id == request.CompareWith)
            ?? throw new ProjectionRequestException($"Unknown embedder to compare neighbours with: '{request.CompareWith}'.");
        var key = request.CacheKey(compare?.ModelFileSha256);
        var cached = await store.FindAsync(request.EmbedderId, request.DatasetId, request.Method, key, info.ModelFileSha256, dataset.ContentSha256, cancellationToken);
        if (cached is not null) return ProjectionStatus.From(cached);

        var created = await store.CreateAsync(new ProjectionEntity
        {
            EmbedderId = request.EmbedderId,
            DatasetId = request.DatasetId,
            Method = request.Method,
            ParamsKey = key,
            ModelSha256 = info.ModelFileSha256,
            DatasetSha256 = dataset.ContentSha256,
            Components = request.Components,
            ProgressMessage = "Queued",
        }, cancellationToken);
        queue.Enqueue(JobKind.Projection, created.Id);
        return ProjectionStatus.From(created);
    }

    /// <summary>Status and figures without the points.</summary>
    public async Task<ProjectionStatus?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, withPoints: false, cancellationToken) is { } p ? ProjectionStatus.From(p) : null;

    /// <summary>The finished projection with its points; null when it is not done.</summary>
    public async Task<ProjectionView?> LoadAsync(int id, bool fromCache, CancellationToken cancellationToken = default)
    {
        var entity = await store.GetAsync(id, withPoints: true, cancellationToken);
        if (entity is not { Status: RunStatus.Done, PointsGzip: { } gzip }) return null;
        var figures = string.IsNullOrEmpty(entity.FiguresJson) ? new Dictionary<string, double>() : JsonSerializer.Deserialize<Dictionary<string, double>>(entity.FiguresJson)!;
        return new ProjectionView(entity.Id, entity.EmbedderId, entity.DatasetId, entity.Method, entity.ParamsKey,
            GzipJson.Deserialize<List<ProjectedPoint>>(gzip), entity.Components, entity.TotalItems, entity.Missing,
            TimeSpan.FromSeconds(entity.EmbedSeconds), TimeSpan.FromSeconds(entity.ProjectSeconds), figures, fromCache)
        {
            Churn = entity.ChurnGzip is { } churn ? GzipJson.Deserialize<ProjectionChurn>(churn) : null,
        };
    }

    public Task<bool> CancelAsync(int id, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Viewer, "cancel a job");
        return jobs.CancelAsync(new JobKey(JobKind.Projection, id), cancellationToken);
    }

    /// <summary>The texts of a dataset in the order the projection's item indices refer to.</summary>
    public async Task<IReadOnlyList<string>> TextsAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        var dataset = await datasets.FindAsync(datasetId, cancellationToken) ?? throw new ProjectionRequestException($"Dataset {datasetId} does not exist.");
        return (await LabelledTextsAsync(datasets, dataset, cancellationToken)).Select(t => t.Text).ToList();
    }

    /// <summary>The dataset's items as the projection sees them: text and label (FAQ questions are labelled by their source page).</summary>
    public static async Task<IReadOnlyList<(string Text, string Label)>> LabelledTextsAsync(DatasetStore datasets, DatasetEntity dataset, CancellationToken cancellationToken) => dataset.Task switch
    {
        TaskKind.Classification => (await datasets.LoadItemsAsync<LabeledText>(dataset.Id, cancellationToken)).Select(i => (i.Text, i.Label)).ToList(),
        TaskKind.FaqRetrieval => (await datasets.LoadItemsAsync<FaqPair>(dataset.Id, cancellationToken)).Select(p => (p.Question, p.Source)).ToList(),
        _ => throw new ProjectionRequestException($"Projections need labelled texts; '{dataset.Name}' is a {dataset.Task} dataset."),
    };
}
