using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Core.Tests.Evaluation.Statistics;

public sealed class BootstrapTests
{
    private static double[][] Bernoulli(Random random, int n, double p) =>
        Enumerable.Range(0, n).Select(_ => new[] { random.NextDouble() < p ? 1.0 : 0.0 }).ToArray();

    [Fact]
    public void Interval_KnownProportionOverManySeeds_CoversTruthAtAboutNominalRate()
    {
        const double truth = 0.7;
        const int trials = 200;
        var covered = 0;
        for (var seed = 0; seed < trials; seed++)
        {
            // A fresh test set per trial (the data seed) and a fresh resampling seed.
            var rows = Bernoulli(new Random(seed), 200, truth);
            var ci = Bootstrap.Interval(ItemStatistic.Mean, rows, new BootstrapOptions(1000, Seed: 1000 + seed));
            if (ci.Contains(truth)) covered++;
        }

        var rate = covered / (double)trials;
        Assert.InRange(rate, 0.90, 0.99);
    }

    [Fact]
    public void Interval_SameSeed_SameInterval()
    {
        var rows = Bernoulli(new Random(3), 150, 0.6);
        var a = Bootstrap.Interval(ItemStatistic.Mean, rows, new BootstrapOptions(1000, 7));
        var b = Bootstrap.Interval(ItemStatistic.Mean, rows, new BootstrapOptions(1000, 7));
        Assert.Equal(a, b);
        Assert.True(a.Low <= a.Estimate && a.Estimate <= a.High);
    }

    [Fact]
    public void Interval_FewerThan100Resamples_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Interval(ItemStatistic.Mean, [[1.0]], new BootstrapOptions(10)));
        Assert.Contains("at least 100 resamples", ex.Message);
    }

    [Fact]
    public void Interval_EntityF1_RecomputesFromSummedCounts()
    {
        // Two sentences: 1 of 1 right, and 0 of 2 predicted with 3 gold; pooled F1 = 2·1/(3+4) ≠ mean of per-sentence F1s.
        double[][] rows = [[1, 1, 1], [0, 2, 3]];
        Assert.Equal(2.0 / 7, ItemMetric.Compute(ItemStatistic.EntityF1, rows), 12);
    }

    [Fact]
    public void Interval_Spearman_EstimateIsRhoOfAllPairs()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 100).Select(i => new[] { i + 30 * random.NextDouble(), (double)i }).ToArray();
        var ci = Bootstrap.Interval(ItemStatistic.Spearman, rows, new BootstrapOptions(1000, 1));
        var rho = MathNet.Numerics.Statistics.Correlation.Spearman(rows.Select(r => r[0]), rows.Select(r => r[1]));
        Assert.Equal(rho, ci.Estimate, 12);
        Assert.InRange(rho, ci.Low, ci.High);
        Assert.True(ci.High - ci.Low > 0.01, "a noisy correlation has a visible interval");
    }
}
