using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Data.Entities;

/// <summary>An embedder known to the store: installed general models and task-specific ones trained in the app.</summary>
public sealed class EmbedderEntity
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public EmbedderKind Kind { get; set; }
    public int Dimension { get; set; }
    public long ModelFileBytes { get; set; }
    public required string ModelFileSha256 { get; set; }
    public required string Source { get; set; }
    public string? License { get; set; }

    /// <summary>For trained embedders: the general embedder or dataset it came from and how (JSON).</summary>
    public string? TrainingJson { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}
