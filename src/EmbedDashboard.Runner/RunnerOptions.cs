using System.ComponentModel.DataAnnotations;

namespace EmbedDashboard.Runner;

/// <summary>Section "Runner" of appsettings.json.</summary>
public sealed class RunnerOptions
{
    public const string SectionName = "Runner";

    /// <summary>Concurrent runs. The engine already uses both cores for one batch, so 1 is the sensible default here.</summary>
    [Range(1, 16)]
    public int Workers { get; set; } = 1;

    /// <summary>Whether the background job worker starts (off for the CLI and tests, which run jobs in the foreground).</summary>
    public bool Enabled { get; set; } = true;
}
