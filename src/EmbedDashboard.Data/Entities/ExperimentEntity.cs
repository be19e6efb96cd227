namespace EmbedDashboard.Data.Entities;

/// <summary>A user's experiment: datasets × embedders × options. One run per (dataset, embedder).</summary>
public sealed class ExperimentEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The full specification as the user entered it (JSON), so the experiment can be re-run.</summary>
    public required string SpecJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<RunEntity> Runs { get; set; } = [];
}
