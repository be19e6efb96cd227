using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Results;

public sealed record MetricView(string Name, double Value, double? Std, bool IsPrimary, IReadOnlyList<double> Values);

/// <summary>One run as the result page shows it.</summary>
public sealed record RunView(
    int Id,
    int DatasetId,
    string DatasetName,
    TaskKind Task,
    string EmbedderId,
    string EmbedderName,
    bool IsGeneral,
    RunStatus Status,
    double Progress,
    string? Message,
    string? Error,
    IReadOnlyList<MetricView> Metrics,
    EfficiencyRecord? Efficiency,
    ReproducibilityRecord? Repro,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public MetricView? Primary => Metrics.FirstOrDefault(m => m.IsPrimary);

    /// <summary>
    /// Primary metric minus the best general embedder's on the same dataset (null for general ones): the paired Δ on
    /// the common items when per-item outcomes exist (see <see cref="VsBestGeneral"/>), else the stored values' difference.
    /// </summary>
    public double? DeltaVsBestGeneral { get; init; }

    /// <summary>The primary metric on the dataset's common items with its 95% CI, full-coverage score and coverage; null without per-item outcomes.</summary>
    public RunScore? Score { get; init; }

    /// <summary>This run against the best general embedder (Δ, CI, raw and Holm p, significance, sentence); null for the baseline itself.</summary>
    public Comparison? VsBestGeneral { get; init; }
}

public sealed record ExperimentView(int Id, string Name, DateTimeOffset CreatedAt, string SpecJson, IReadOnlyList<RunView> Runs)
{
    /// <summary>One verdict per dataset, in dataset order: baseline, comparisons (Holm across the whole experiment) and the headline sentence.</summary>
    public IReadOnlyList<DatasetVerdict> Verdicts { get; init; } = [];

    public int Done => Runs.Count(r => r.Status == RunStatus.Done);
    public bool IsFinished => Runs.All(r => r.Status is RunStatus.Done or RunStatus.Failed or RunStatus.Cancelled);
    public double Progress => Runs.Count == 0 ? 0 : Runs.Average(r => r.Status == RunStatus.Done ? 1 : r.Progress);
}
