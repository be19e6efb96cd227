using EmbedDashboard.Core.Access;
using System.Text.Json;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Training.Artifacts;

namespace EmbedDashboard.Training.Jobs;

/// <summary>What pages and the CLI call: start, list, cancel training jobs; list and delete trained embedders.</summary>
public sealed class TrainingService(TrainingJobStore jobs, DatasetStore datasets, JobQueue queue, JobRunner runner, TrainedEmbedderCatalog catalog, EmbedderRegistry registry, IUserAccess access)
{
    public TrainedEmbedderCatalog Catalog => catalog;

    /// <summary>Validates the request, stores it as a Queued job and queues it. Throws TrainingInputException with the reason.</summary>
    public async Task<TrainingJobView> StartAsync(TrainingRequest request, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "start training");
        var dataset = await datasets.FindAsync(request.DatasetId, cancellationToken)
            ?? throw new TrainingInputException($"Dataset {request.DatasetId} does not exist.");
        var misfit = TrainingTaskRules.Problems(dataset, request);
        if (misfit.Count > 0) throw new TrainingInputException(string.Join(" ", misfit));

        var ner = dataset.Task == Core.Datasets.TaskKind.Ner;

        if (request.MaxTrainExamples < 0) throw new TrainingInputException("Training examples cannot be negative (0 = all).");
        var problems = request.Method switch
        {
            TrainingMethod.EmbeddingLayer when ner => request.Tagger.Validate(),
            TrainingMethod.EmbeddingLayer => request.EmbeddingLayer.Validate(registry.Installed.FirstOrDefault(e => e.Id == ModelLayout.GloveId)?.Dimension),
            TrainingMethod.ReduceDimension => request.BaseEmbedderId is null ? ["Choose the embedder to reduce."] : request.Reduction.Validate(),
            TrainingMethod.FineTuneEncoder => request.FineTune.Validate(),  // the model's own limits are checked when it is loaded
            _ => [$"Unknown method {request.Method}."],
        };
        if (problems.Count > 0) throw new TrainingInputException(string.Join(" ", problems));
        // Pair datasets are small, and a pair file imported alone has no training split: say so now, not when the job fails.
        if (TrainingTaskRules.IsPairTask(dataset.Task)) await TrainingData.LoadAsync(datasets, dataset, request, cancellationToken);

        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{request.Method} on {dataset.Name}" : request.Name.Trim();
        var job = await jobs.CreateAsync(name, request.Method, request.DatasetId, request.BaseEmbedderId,
            JsonSerializer.Serialize(request with { Name = name }, TrainingJobExecutor.Json), cancellationToken);
        queue.Enqueue(JobKind.Training, job.Id);
        return TrainingJobView.From(job) with { DatasetName = dataset.Name };
    }

    public async Task<IReadOnlyList<TrainingJobView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await jobs.ListAsync(cancellationToken)).Select(TrainingJobView.From).ToList();

    public async Task<TrainingJobView?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await jobs.GetAsync(id, cancellationToken) is { } job ? TrainingJobView.From(job) : null;

    public static TrainingRequest? RequestOf(TrainingJobView job) => JsonSerializer.Deserialize<TrainingRequest>(job.OptionsJson, TrainingJobExecutor.Json);

    /// <summary>Signals a running job, or marks a queued one Cancelled so the worker skips it.</summary>
    public Task<bool> CancelAsync(int id, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "cancel training");
        return runner.CancelAsync(new JobKey(JobKind.Training, id), cancellationToken);
    }
}
