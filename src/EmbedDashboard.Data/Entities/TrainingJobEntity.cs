using EmbedDashboard.Core.Jobs;

using EmbedDashboard.Core.Training;

namespace EmbedDashboard.Data.Entities;

/// <summary>One training job: makes one or more task-specific embedders from a dataset's training split.</summary>
public sealed class TrainingJobEntity : IJobRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TrainingMethod Method { get; set; }
    public int DatasetId { get; set; }
    public DatasetEntity? Dataset { get; set; }

    /// <summary>The general embedder it starts from (GloVe init, MiniLM fine-tuning, PCA base), if any.</summary>
    public string? BaseEmbedderId { get; set; }

    /// <summary>Method options as JSON (stored so the job can be re-run and its page shows what was asked).</summary>
    public required string OptionsJson { get; set; }

    public RunStatus Status { get; set; }
    public double Progress { get; set; }
    public string? ProgressMessage { get; set; }
    public string? Error { get; set; }

    public int Attempts { get; set; }

    /// <summary>Loss curve points [[step, loss, seconds], …] as JSON.</summary>
    public string? CurveJson { get; set; }

    /// <summary>Examples/s, held-out accuracy of the trained model itself, elapsed, produced ids… (JSON).</summary>
    public string? ResultJson { get; set; }

    /// <summary>Ids of the embedders it registered, comma-separated.</summary>
    public string? ProducedEmbedderIds { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
