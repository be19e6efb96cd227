using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Core.Tests.Evaluation.Statistics;

public sealed class HolmTests
{
    [Fact]
    public void Adjust_TextbookExample_MatchesRPAdjust()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") → 0.03 0.06 0.06 0.02
        var adjusted = Holm.Adjust([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Adjust_LargeP_CappedAtOneAndOrderKept()
    {
        var adjusted = Holm.Adjust([0.6, 0.5]);
        Assert.Equal([1.0, 1.0], adjusted);
    }

    [Fact]
    public void Adjust_NaN_StaysNaNAndDoesNotCount()
    {
        var adjusted = Holm.Adjust([0.02, double.NaN, 0.04]);
        Assert.Equal(0.04, adjusted[0], 12);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.04, adjusted[2], 12);
    }
}
