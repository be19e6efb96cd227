namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>A point estimate with its percentile-bootstrap interval.</summary>
public sealed record ConfidenceInterval(double Estimate, double Low, double High, double Level, int Resamples, int Items)
{
    public bool Contains(double value) => value >= Low && value <= High;
}
