using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// Percentile bootstrap over test items (Efron &amp; Tibshirani 1993, ch. 13): resample the items with replacement,
/// recompute the metric, and take the (1−level)/2 and (1+level)/2 quantiles of the resampled values. The spread it
/// shows is test-set sampling noise, which the spread over probe seeds does not measure.
/// </summary>
public static class Bootstrap
{
    public static ConfidenceInterval Interval(ItemStatistic statistic, IReadOnlyList<double[]> rows, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= BootstrapOptions.Default;
        options.Validate();
        var estimate = ItemMetric.Compute(statistic, rows);
        if (rows.Count == 0) return new ConfidenceInterval(double.NaN, double.NaN, double.NaN, options.Level, 0, 0);
        var values = new double[options.Resamples];
        var picks = new int[rows.Count];
        var random = new MersenneTwister(options.Seed, threadSafe: false);
        for (var b = 0; b < values.Length; b++)
        {
            Draw(random, picks);
            values[b] = ItemMetric.Compute(statistic, rows, picks);
        }

        var (low, high) = Percentiles(values, options.Level);
        return new ConfidenceInterval(estimate, low, high, options.Level, options.Resamples, rows.Count);
    }

    /// <summary>One resample: n indices drawn uniformly with replacement.</summary>
    internal static void Draw(MersenneTwister random, int[] picks)
    {
        for (var k = 0; k < picks.Length; k++) picks[k] = random.Next(picks.Length);
    }

    /// <summary>
    /// The interval's ends. A resample whose metric is undefined (e.g. ρ of a constant) is left out rather than
    /// turning the whole interval into NaN.
    /// </summary>
    internal static (double Low, double High) Percentiles(double[] values, double level)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        if (defined.Length == 0) return (double.NaN, double.NaN);
        Array.Sort(defined);
        var tail = (1 - level) / 2;
        return (SortedArrayStatistics.QuantileCustom(defined, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(defined, 1 - tail, QuantileDefinition.R7));
    }
}
