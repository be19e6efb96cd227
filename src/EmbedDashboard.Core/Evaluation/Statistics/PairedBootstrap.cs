using MathNet.Numerics.Random;

namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// Paired bootstrap of a difference (Koehn 2004; Efron &amp; Tibshirani 1993, §16.4): both runs are resampled with the
/// same item indices, so an item's difficulty cancels out and only the embedders' disagreement counts. The interval
/// is the percentile interval of the resampled Δ*; the two-sided p-value is the share of resamples whose Δ*, shifted
/// to the null (Δ* − Δ), is at least as far from 0 as Δ — with the usual +1 so that p is never 0.
/// </summary>
public static class PairedBootstrap
{
    /// <param name="candidate">Rows of the run being compared, aligned item by item with <paramref name="baseline"/>.</param>
    public static PairedComparison Compare(ItemStatistic statistic, IReadOnlyList<double[]> candidate, IReadOnlyList<double[]> baseline, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        if (candidate.Count != baseline.Count)
        {
            throw new ArgumentException($"A paired test needs the same items on both sides; got {candidate.Count} and {baseline.Count}.", nameof(baseline));
        }

        options ??= BootstrapOptions.Default;
        options.Validate();
        var delta = ItemMetric.Compute(statistic, candidate) - ItemMetric.Compute(statistic, baseline);
        if (candidate.Count == 0 || double.IsNaN(delta)) return new PairedComparison(delta, double.NaN, double.NaN, double.NaN, options.Level, 0, candidate.Count);
        var deltas = new double[options.Resamples];
        var picks = new int[candidate.Count];
        var random = new MersenneTwister(options.Seed, threadSafe: false);
        var extreme = 0;
        var defined = 0;
        for (var b = 0; b < deltas.Length; b++)
        {
            Bootstrap.Draw(random, picks);
            deltas[b] = ItemMetric.Compute(statistic, candidate, picks) - ItemMetric.Compute(statistic, baseline, picks);
            if (double.IsNaN(deltas[b])) continue;
            defined++;
            // The tolerance keeps a tie (e.g. Δ = 0 with every Δ* = 0) counted as "as extreme", so identical runs get p = 1.
            if (Math.Abs(deltas[b] - delta) >= Math.Abs(delta) - 1e-12) extreme++;
        }

        var (low, high) = Bootstrap.Percentiles(deltas, options.Level);
        var p = defined == 0 ? double.NaN : Math.Min(1, (extreme + 1.0) / (defined + 1.0));
        return new PairedComparison(delta, low, high, p, options.Level, options.Resamples, candidate.Count);
    }
}
