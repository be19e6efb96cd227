using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

public sealed class TrustworthinessTests
{
    [Fact]
    public void Compute_IdentityMap_IsOne()
    {
        var (x, _) = ProjectionTestData.Blobs(120, 8, 3, 5);

        Assert.Equal(1.0, Trustworthiness.Compute(x, 8, x, 8, 120, 10), 12);
    }

    [Fact]
    public void Compute_RandomShuffle_ClearlyLower()
    {
        // Low-space rows are the high-space rows of a random permutation: neighbours are unrelated, so T ≈ 0.5.
        const int n = 200, d = 5;
        var random = new Random(8);
        var x = Enumerable.Range(0, n * d).Select(_ => (float)random.NextDouble()).ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var shuffled = new float[n * d];
        for (var i = 0; i < n; i++) x.AsSpan(order[i] * d, d).CopyTo(shuffled.AsSpan(i * d, d));

        var t = Trustworthiness.Compute(x, d, shuffled, d, n, 10);

        Assert.InRange(t, 0.3, 0.7);
    }

    [Fact]
    public void Compute_TwoPointsSwappedOnALine_MatchesHandComputedValue()
    {
        // High: 1-D positions 0, 1, 2.1, 3.3, 4.6, 6.0 (gaps 1, 1.1, 1.2, 1.3, 1.4: no ties). Low: same but
        // points 4 and 5 swapped. By hand with k = 2: only point 3 gains a false neighbour (point 5, its
        // 4th nearest in high space: penalty 4 − 2 = 2), so T = 1 − 2·2/(6·2·(2·6 − 3·2 − 1)) = 1 − 4/60 = 14/15.
        float[] high = [0, 1, 2.1f, 3.3f, 4.6f, 6.0f];
        float[] low = [0, 1, 2.1f, 3.3f, 6.0f, 4.6f];

        Assert.Equal(14.0 / 15.0, Trustworthiness.Compute(high, 1, low, 1, 6, 2), 12);
    }

    [Fact]
    public void Compute_KAtLeastHalfN_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Trustworthiness.Compute(new float[20], 2, new float[20], 2, 10, 5));
    }
}
