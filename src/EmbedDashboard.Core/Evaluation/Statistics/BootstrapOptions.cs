namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// Resampling settings. The seed is fixed, so a result page shows the same interval every time it is built, and
/// every run and comparison of a dataset is resampled with the same index draws (the same seed and item count
/// give the same resamples), which is what makes the comparisons paired.
/// </summary>
public sealed record BootstrapOptions(int Resamples = BootstrapOptions.DefaultResamples, int Seed = BootstrapOptions.DefaultSeed, double Level = 0.95)
{
    public const int DefaultResamples = 2000;
    public const int DefaultSeed = 20261202;

    public static BootstrapOptions Default { get; } = new();

    public void Validate()
    {
        if (Resamples < 100) throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "A percentile bootstrap needs at least 100 resamples (1,000+ for a 95% interval).");
        if (Level is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Level), Level, "The confidence level is a fraction in (0, 1).");
    }
}
