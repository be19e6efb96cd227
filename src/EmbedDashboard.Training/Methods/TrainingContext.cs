using EmbedDashboard.Data.Entities;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Methods;

/// <summary>Everything one method needs to train: the job, its request, the data, the models, where to report.</summary>
public sealed record TrainingContext(
    TrainingJobEntity Job,
    TrainingRequest Request,
    TrainingData Data,
    EmbedderRegistry Registry,
    IProgress<TrainingProgress> Progress,
    DateTimeOffset Now,
    CancellationToken CancellationToken)
{
    /// <summary>The manifest fields every method fills the same way.</summary>
    public TrainedManifest BaseManifest(string id, string displayName, ArtifactType type, Core.Embeddings.EmbedderKind kind, int dimension, string mainFile, string method) => new()
    {
        Id = id,
        DisplayName = displayName,
        Type = type,
        Kind = kind,
        Dimension = dimension,
        MainFile = mainFile,
        Dataset = Data.Dataset.Name,
        DatasetId = Data.Dataset.Id,
        DatasetSha256 = Data.Dataset.ContentSha256,
        TrainExamples = Data.TrainTexts.Count,
        TrainingJobId = Job.Id,
        Method = method,
        CreatedAt = Now,
    };
}

/// <summary>One embedder to save: its manifest and a writer for its files.</summary>
public sealed record PendingArtifact(TrainedManifest Manifest, Action<string> WriteFiles);

/// <summary>What a method produced: embedders to save, figures for the job page, notes in plain words.</summary>
public sealed record MethodOutcome(IReadOnlyList<PendingArtifact> Artifacts, IReadOnlyDictionary<string, double> Figures, IReadOnlyList<string> Notes);
