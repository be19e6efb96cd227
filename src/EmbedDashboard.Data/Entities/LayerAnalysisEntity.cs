using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Data.Entities;

/// <summary>
/// A computed (or queued) layer-by-layer analysis of one dataset under a base encoder and its fine-tuned descendants,
/// cached like projections: by (embedder, dataset, parameters incl. the compared models), reused unless a model file or
/// the dataset changed (their hashes are part of the match).
/// </summary>
public sealed class LayerAnalysisEntity : IJobRow
{
    public int Id { get; set; }

    /// <summary>The embedder asked about (a base, or a fine-tuned one compared with its base).</summary>
    public required string EmbedderId { get; set; }

    public int DatasetId { get; set; }
    public DatasetEntity? Dataset { get; set; }

    /// <summary>Canonical parameters, e.g. "max=1000;seed=13;models=minilm-l6-v2,minilm-ft-…" — the cache key with the ids.</summary>
    public required string ParamsKey { get; set; }

    /// <summary>SHA-256 over the compared models' file hashes, in ParamsKey's order.</summary>
    public required string ModelSha256 { get; set; }

    public required string DatasetSha256 { get; set; }

    public RunStatus Status { get; set; }
    public double Progress { get; set; }
    public string? ProgressMessage { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }

    /// <summary>The finished <see cref="Core.Layers.LayerAnalysisResult"/> as JSON (a few hundred numbers).</summary>
    public string? ResultJson { get; set; }

    public double ElapsedSeconds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
