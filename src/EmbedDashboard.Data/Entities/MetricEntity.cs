namespace EmbedDashboard.Data.Entities;

/// <summary>One metric of a finished run, e.g. accuracy 0.81 ± 0.01 over 5 seeds.</summary>
public sealed class MetricEntity
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public required string Name { get; set; }
    public double Value { get; set; }
    public double? Std { get; set; }
    public bool IsPrimary { get; set; }

    /// <summary>Per-seed or per-fold values (JSON array), for the spread shown in charts.</summary>
    public string? ValuesJson { get; set; }
}
