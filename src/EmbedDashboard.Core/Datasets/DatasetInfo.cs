namespace EmbedDashboard.Core.Datasets;

/// <summary>A stored dataset as pages and the CLI see it: identity, task, size, provenance (not its items).</summary>
public sealed record DatasetInfo(
    int Id,
    string Name,
    TaskKind Task,
    string Format,
    int ItemCount,
    int SkippedLines,
    string? Notes,
    string ContentSha256,
    string Source,
    string? License,
    bool IsBuiltIn,
    DateTimeOffset CreatedAt);
