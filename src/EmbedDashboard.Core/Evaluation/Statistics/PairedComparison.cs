namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// Candidate minus baseline on the same items: Δ, its percentile-bootstrap interval from paired resamples, and a
/// two-sided p-value for "no difference".
/// </summary>
public sealed record PairedComparison(double Delta, double Low, double High, double P, double Level, int Resamples, int Items);
