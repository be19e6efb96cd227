using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Tests.Evaluation.Metrics;

public sealed class SummaryTests
{
    [Fact]
    public void Of_FourValues_MeanAndSampleStd()
    {
        var summary = Summary.Of([1, 2, 3, 4]);

        // Computed by hand: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over n − 1 = 3.
        Assert.Equal(2.5, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), summary.Std, 12);
        Assert.Equal([1.0, 2, 3, 4], summary.Values);
    }

    [Fact]
    public void Of_OneValue_ZeroStd()
    {
        var summary = Summary.Of([0.7]);

        Assert.Equal(0.7, summary.Mean);
        Assert.Equal(0, summary.Std);
    }

    [Fact]
    public void Of_NoValues_NaNMean()
    {
        Assert.True(double.IsNaN(Summary.Of([]).Mean));
    }

    [Fact]
    public void Of_CallerChangesList_SummaryKeepsItsCopy()
    {
        var values = new List<double> { 1, 3 };
        var summary = Summary.Of(values);
        values[0] = 100;

        Assert.Equal(1, summary.Values[0]);
    }
}
