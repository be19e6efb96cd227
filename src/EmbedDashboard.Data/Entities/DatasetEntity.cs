using EmbedDashboard.Core.Datasets;

namespace EmbedDashboard.Data.Entities;

/// <summary>An imported or built-in dataset. Items live in <see cref="DatasetPayloadEntity"/> so listing stays cheap.</summary>
public sealed class DatasetEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TaskKind Task { get; set; }
    public required string Format { get; set; }
    public int ItemCount { get; set; }
    public int SkippedLines { get; set; }
    public string? Notes { get; set; }

    /// <summary>SHA-256 of the imported bytes: part of every run's reproducibility record.</summary>
    public required string ContentSha256 { get; set; }
    public required string Source { get; set; }
    public string? License { get; set; }
    public bool IsBuiltIn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public DatasetPayloadEntity? Payload { get; set; }
}

/// <summary>The typed items of a dataset, serialized as gzip JSON.</summary>
public sealed class DatasetPayloadEntity
{
    public int DatasetId { get; set; }
    public required byte[] GzipJson { get; set; }
}
