using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Data.Entities;

/// <summary>One evaluation of one embedder on one dataset.</summary>
public sealed class RunEntity : IJobRow
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public ExperimentEntity? Experiment { get; set; }
    public int DatasetId { get; set; }
    public DatasetEntity? Dataset { get; set; }
    public required string EmbedderId { get; set; }

    // What the run was compared as, frozen when it was created: deleting or re-importing the embedder later
    // never renames an old result or turns a task-specific run into a "general" baseline. Null for runs
    // created before these columns existed (their views fall back to the registry).
    public string? EmbedderName { get; set; }
    public bool? EmbedderIsGeneral { get; set; }
    public string? EmbedderKind { get; set; }
    public int? EmbedderDimension { get; set; }
    public string? BaseEmbedderId { get; set; }

    public RunStatus Status { get; set; }
    public double Progress { get; set; }
    public string? ProgressMessage { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Model hash, dataset hash, seeds, pooling, max length, batch size, library versions (JSON).</summary>
    public string? ReproJson { get; set; }

    /// <summary>Texts/s, tokens/s, ms per batch, peak working set, dimension, model size (JSON).</summary>
    public string? EfficiencyJson { get; set; }

    /// <summary>
    /// The primary metric's per-item outcomes on the test items (gzip JSON of <see cref="Core.Evaluation.Statistics.ItemOutcomes"/>):
    /// what confidence intervals, paired tests and the same-items rule are computed from. Null for runs stored before
    /// it existed or for tasks without per-item outcomes.
    /// </summary>
    public byte[]? ItemOutcomesGzip { get; set; }

    public List<MetricEntity> Metrics { get; set; } = [];
}
