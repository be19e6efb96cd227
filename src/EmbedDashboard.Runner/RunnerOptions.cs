using System.ComponentModel.DataAnnotations;

namespace EmbedDashboard.Runner;

/// <summary>Section "Runner" of appsettings.json.</summary>
public sealed class RunnerOptions
{
    public const string SectionName = "Runner";

    /// <summary>Concurrent runs. The engine already uses both cores for one batch, so 1 is the sensible default here.</summary>
    [Range(1, 16)]
    public int Workers { get; set; } = 1;

    [Range(1, 10000)]
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Whether background workers start (off for the CLI, which runs in the foreground).</summary>
    public bool Enabled { get; set; } = true;
}
