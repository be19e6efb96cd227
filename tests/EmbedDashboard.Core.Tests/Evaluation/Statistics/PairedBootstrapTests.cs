using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Core.Tests.Evaluation.Statistics;

public sealed class PairedBootstrapTests
{
    // Two systems on the same items: each item has a difficulty both share, and each system adds its own noise.
    private static (double[][] A, double[][] B) Systems(Random random, int n, double accuracyA, double accuracyB)
    {
        var a = new double[n][];
        var b = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var easy = random.NextDouble() < 0.5;
            a[i] = [random.NextDouble() < accuracyA + (easy ? 0.1 : -0.1) ? 1 : 0];
            b[i] = [random.NextDouble() < accuracyB + (easy ? 0.1 : -0.1) ? 1 : 0];
        }

        return (a, b);
    }

    [Fact]
    public void Compare_PlantedDifference_IsFoundWithIntervalAroundIt()
    {
        var (a, b) = Systems(new Random(1), 1000, 0.80, 0.70);
        var result = PairedBootstrap.Compare(ItemStatistic.Mean, a, b, new BootstrapOptions(1000, 11));
        Assert.True(result.P < 0.01, $"p = {result.P}");
        Assert.InRange(0.10, result.Low, result.High);
        Assert.True(result.Low > 0);
    }

    [Fact]
    public void Compare_NullDifferenceOverManySeeds_RejectsAtAboutFivePercent()
    {
        const int trials = 200;
        var rejected = 0;
        for (var seed = 0; seed < trials; seed++)
        {
            var (a, b) = Systems(new Random(seed), 300, 0.75, 0.75);
            if (PairedBootstrap.Compare(ItemStatistic.Mean, a, b, new BootstrapOptions(1000, 500 + seed)).P < 0.05) rejected++;
        }

        var rate = rejected / (double)trials;
        Assert.InRange(rate, 0.01, 0.10);
    }

    [Fact]
    public void Compare_IdenticalRuns_DeltaZeroAndPOne()
    {
        var (a, _) = Systems(new Random(2), 200, 0.7, 0.7);
        var result = PairedBootstrap.Compare(ItemStatistic.Mean, a, a, new BootstrapOptions(1000, 3));
        Assert.Equal(0, result.Delta);
        Assert.Equal(1, result.P);
    }

    [Fact]
    public void Compare_DifferentItemCounts_ThrowsNamingBothCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => PairedBootstrap.Compare(ItemStatistic.Mean, [[1.0], [0.0]], [[1.0]]));
        Assert.Contains("got 2 and 1", ex.Message);
    }
}
