using EmbedDashboard.Core.Jobs;

using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Data.Entities;

/// <summary>
/// A computed (or queued) 2-D/3-D projection of a dataset under one embedder, cached by
/// (embedder, dataset, method, parameters): asking again with the same key returns the stored one,
/// unless the model file or the dataset changed (their hashes are part of the match).
/// </summary>
public sealed class ProjectionEntity : IJobRow
{
    public int Id { get; set; }
    public required string EmbedderId { get; set; }
    public int DatasetId { get; set; }
    public DatasetEntity? Dataset { get; set; }
    public ProjectionMethod Method { get; set; }

    /// <summary>Canonical parameters, e.g. "c=2;max=5000;seed=13;perplexity=30" — the cache key with the ids and method.</summary>
    public required string ParamsKey { get; set; }

    public required string ModelSha256 { get; set; }
    public required string DatasetSha256 { get; set; }

    public RunStatus Status { get; set; }
    public double Progress { get; set; }
    public string? ProgressMessage { get; set; }
    public string? Error { get; set; }

    public int Attempts { get; set; }

    public int Components { get; set; }
    public int TotalItems { get; set; }
    public int Missing { get; set; }
    public double EmbedSeconds { get; set; }
    public double ProjectSeconds { get; set; }

    /// <summary>Extra figures as JSON (explained variance, trustworthiness on a sample, …).</summary>
    public string? FiguresJson { get; set; }

    /// <summary>Points (item index, coordinates, label, short text) as gzip JSON.</summary>
    public byte[]? PointsGzip { get; set; }

    /// <summary>Neighbour churn against the comparison embedder named in <see cref="ParamsKey"/> (gzip JSON of Core's ProjectionChurn); null without one.</summary>
    public byte[]? ChurnGzip { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
