using MathNet.Numerics.Statistics;

namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>
/// Correlations between predicted similarities and gold scores. Math.NET does the arithmetic; this
/// class fixes the contract: equal lengths, NaN (not an exception) for fewer than two points or a
/// constant series, where the coefficient is undefined.
/// </summary>
public static class RankCorrelation
{
    /// <summary>Spearman's ρ: Pearson correlation of the ranks, tied values sharing their average rank (as scipy.stats.spearmanr).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckLengths(x, y);
        return x.Count < 2 ? double.NaN : Correlation.Spearman(x, y);
    }

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckLengths(x, y);
        return x.Count < 2 ? double.NaN : Correlation.Pearson(x, y);
    }

    /// <summary>1-based ranks; tied values share the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values) => values.Ranks(RankDefinition.Average);

    private static void CheckLengths(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"Both series need the same length ({x.Count} vs {y.Count}).", nameof(y));
    }
}
