using System.Text.Json;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.Methods;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// Training jobs in the job framework: reads the request and the dataset, trains with the chosen method, saves the
/// embedders under models/trained and registers them, and hands the figures and the loss curve to the framework.
/// One job at a time: each uses both cores.
/// </summary>
public sealed partial class TrainingJobExecutor(
    TrainingJobStore jobs,
    DatasetStore datasets,
    EmbedderRegistry registry,
    TrainedEmbedderCatalog catalog,
    TimeProvider clock) : IJobHandler
{
    public static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public JobKind Kind => JobKind.Training;

    public async Task<JobCompletion> ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var jobId = context.Id;
        var job = await jobs.GetAsync(jobId, cancellationToken) ?? throw new KeyNotFoundException($"Training job {jobId} does not exist.");
        var request = JsonSerializer.Deserialize<TrainingRequest>(job.OptionsJson, Json) ?? throw new InvalidDataException("Empty training request.");
        var progress = new TrainingProgressWriter(context.Progress);
        context.Progress.Report(0, "Loading the dataset", force: true);
        var dataset = await datasets.FindAsync(job.DatasetId, cancellationToken) ?? throw new TrainingInputException($"Dataset {job.DatasetId} no longer exists.");
        var data = await TrainingData.LoadAsync(datasets, dataset, request, cancellationToken);
        var training = new TrainingContext(job, request, data, registry, progress, clock.GetUtcNow(), cancellationToken);

        MethodOutcome outcome = request.Method switch
        {
            TrainingMethod.EmbeddingLayer when data.Tagging is not null => await Task.Run(() => TaggerLayerMethod.Train(training), cancellationToken),
            TrainingMethod.EmbeddingLayer => await Task.Run(() => EmbeddingLayerMethod.Train(training), cancellationToken),
            TrainingMethod.ReduceDimension => await ReductionMethod.TrainAsync(training),
            TrainingMethod.FineTuneEncoder => await Task.Run(() => FineTuneMethod.Train(training), cancellationToken),
            _ => throw new TrainingInputException($"Unknown training method {request.Method}."),
        };

        var saved = new List<string>();
        foreach (var artifact in outcome.Artifacts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var manifest = catalog.Store.Save(artifact.Manifest, artifact.WriteFiles);
            catalog.Add(manifest);
            saved.Add(manifest.Id);
        }

        var curve = progress.Curve;
        var result = new Dictionary<string, object?>(outcome.Figures.ToDictionary(f => f.Key, f => (object?)f.Value))
        {
            ["train_examples"] = data.TrainTexts.Count,
            ["test_examples"] = data.TestTexts.Count,
            ["notes"] = outcome.Notes,
        };
        return new TrainingCompletion("Done", TrainingProgressWriter.CurveJson(curve), JsonSerializer.Serialize(result), saved);
    }

    /// <summary>A folder-safe id part from a dataset name: "IMDB reviews (built-in)" → "imdb-reviews".</summary>
    public static string Slug(string name)
    {
        var slug = NonWord().Replace(name.ToLowerInvariant().Replace("(built-in)", "", StringComparison.Ordinal), "-").Trim('-');
        return slug.Length == 0 ? "data" : slug[..Math.Min(slug.Length, 24)].TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
