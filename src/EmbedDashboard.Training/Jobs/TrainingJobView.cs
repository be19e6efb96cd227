using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Training.Jobs;

/// <summary>A training job as pages and the CLI see it: what was asked, where it stands, what it produced.</summary>
public sealed record TrainingJobView(
    int Id,
    string Name,
    TrainingMethod Method,
    int DatasetId,
    string? DatasetName,
    string? BaseEmbedderId,
    string OptionsJson,
    RunStatus Status,
    double Progress,
    string? ProgressMessage,
    string? Error,
    int Attempts,
    string? CurveJson,
    string? ResultJson,
    string? ProducedEmbedderIds,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The ids of the embedders the job saved (empty until it is done).</summary>
    public IReadOnlyList<string> Produced => (ProducedEmbedderIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    internal static TrainingJobView From(TrainingJobEntity j) => new(
        j.Id, j.Name, j.Method, j.DatasetId, j.Dataset?.Name, j.BaseEmbedderId, j.OptionsJson, j.Status, j.Progress, j.ProgressMessage,
        j.Error, j.Attempts, j.CurveJson, j.ResultJson, j.ProducedEmbedderIds, j.QueuedAt, j.StartedAt, j.FinishedAt);
}
