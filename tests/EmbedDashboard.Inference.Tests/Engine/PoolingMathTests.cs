using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Inference.Tests.Engine;

public sealed class PoolingMathTests
{
    [Fact]
    public void MeanPool_MaskedPadding_AveragesOnlyAttendedTokens()
    {
        // 3 tokens × 2 dims; the third is padding. Mean of (1,2) and (3,6) = (2,4), by hand.
        float[] tokens = [1, 2, 3, 6, 100, 100];
        var result = new float[2];

        PoolingMath.MeanPool(tokens, [1, 1, 0], 2, result);

        Assert.Equal([2f, 4f], result);
    }

    [Fact]
    public void ClsPool_FirstToken_Copied()
    {
        var result = new float[2];

        PoolingMath.ClsPool([5, 7, 1, 1], 2, result);

        Assert.Equal([5f, 7f], result);
    }

    [Fact]
    public void L2Normalize_ThreeFour_BecomesUnit()
    {
        float[] v = [3, 4];

        PoolingMath.L2Normalize(v);

        Assert.Equal(0.6f, v[0], 6);
        Assert.Equal(0.8f, v[1], 6);
    }

    [Fact]
    public void L2Normalize_Zero_StaysZero()
    {
        float[] v = [0, 0];

        PoolingMath.L2Normalize(v);

        Assert.Equal([0f, 0f], v);
    }
}
