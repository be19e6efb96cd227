using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Tests.Evaluation.Metrics;

public sealed class RankCorrelationTests
{
    [Fact]
    public void Spearman_SameOrder_One()
    {
        Assert.Equal(1, RankCorrelation.Spearman([1, 2, 3, 4], [10, 20, 30, 400]), 12);
    }

    [Fact]
    public void Spearman_ReversedOrder_MinusOne()
    {
        Assert.Equal(-1, RankCorrelation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 12);
    }

    [Fact]
    public void Spearman_TiedValues_AverageRanks()
    {
        // Computed by hand: x ranks (1, 2.5, 2.5, 4), y ranks (1, 2, 3, 4); centred cross-product 4.5,
        // sums of squares 4.5 and 5 → ρ = 4.5 / √(4.5 · 5) = 0.948683298…
        Assert.Equal(4.5 / Math.Sqrt(4.5 * 5), RankCorrelation.Spearman([1, 2, 2, 3], [1, 2, 3, 4]), 12);
    }

    [Fact]
    public void Ranks_Ties_ShareMeanRank()
    {
        Assert.Equal([3.0, 1.5, 1.5, 4], RankCorrelation.Ranks([5, 2, 2, 9]));
    }

    [Fact]
    public void Pearson_HandCase_KnownValue()
    {
        // Computed by hand: x = (1, 2, 3), y = (1, 3, 2); centred (−1, 0, 1) and (−1, 1, 0):
        // cross-product 1, sums of squares 2 and 2 → r = 1/2.
        Assert.Equal(0.5, RankCorrelation.Pearson([1, 2, 3], [1, 3, 2]), 12);
    }

    [Fact]
    public void Spearman_ConstantOrTooShort_NaN()
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1], [1])));
    }

    [Fact]
    public void Spearman_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2], [1, 2, 3]));
    }
}
