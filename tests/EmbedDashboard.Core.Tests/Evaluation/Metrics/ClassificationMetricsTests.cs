using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Tests.Evaluation.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Accuracy_ThreeOfFour_ThreeQuarters()
    {
        Assert.Equal(0.75, ClassificationMetrics.Accuracy([0, 1, 2, 2], [0, 1, 2, 0]));
    }

    [Fact]
    public void PerClassF1_HandCase_KnownValues()
    {
        // Computed by hand: class 0: tp 1, fp 0, fn 1 → 2/3; class 1: tp 2, fp 1, fn 0 → 4/5;
        // class 2 appears nowhere → undefined (NaN), not 0.
        var f1 = ClassificationMetrics.PerClassF1([0, 0, 1, 1], [0, 1, 1, 1], 3);

        Assert.Equal(2.0 / 3, f1[0], 12);
        Assert.Equal(0.8, f1[1], 12);
        Assert.True(double.IsNaN(f1[2]));
    }

    [Fact]
    public void MacroF1_HandCase_MeanOfPresentClasses()
    {
        // Computed by hand: (2/3 + 4/5) / 2 = 11/15.
        Assert.Equal(11.0 / 15, ClassificationMetrics.MacroF1([0, 0, 1, 1], [0, 1, 1, 1]), 12);
    }

    [Fact]
    public void MacroF1_ClassOnlyPredicted_CountsAsZero()
    {
        // Computed by hand: class 0: tp 1, fn 1 → 2/3; class 1 predicted once, never true → 0; mean 1/3.
        Assert.Equal(1.0 / 3, ClassificationMetrics.MacroF1([0, 0], [0, 1]), 12);
    }
}
