namespace EmbedDashboard.Core.Projections;

/// <summary>Maps a sub-step's progress in [0, 1] onto [from, to] of the caller's progress.</summary>
internal sealed class Scaled(IProgress<double>? inner, double from, double to) : IProgress<double>
{
    public void Report(double value) => inner?.Report(from + (to - from) * value);
}
