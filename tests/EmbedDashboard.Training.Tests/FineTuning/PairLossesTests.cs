using EmbedDashboard.Training.FineTuning;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.Tests.FineTuning;

/// <summary>Each pair loss on a tiny case whose value is worked out by hand below (unit 2-d vectors, so dot = cosine).</summary>
public sealed class PairLossesTests
{
    private static Tensor Rows(params float[][] rows) => tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]);

    // q0 = (1, 0), q1 = (0, 1); p0 = (1, 0), p1 = (0.6, 0.8).
    private static readonly float[][] Queries = [[1, 0], [0, 1]];
    private static readonly float[][] Positives = [[1, 0], [0.6f, 0.8f]];

    /// <summary>Cross-entropy of the target logit against the others: log Σ exp(other − target), the target's term being 1.</summary>
    private static double Ce(double target, params double[] others) => Math.Log(1 + others.Sum(o => Math.Exp(o - target)));

    [Fact]
    public void SymmetricInfoNce_TwoPairs_MatchesHandComputedValue()
    {
        FineTuneFixtures.InitTorch();
        using var scope = NewDisposeScope();

        var loss = PairLosses.SymmetricInfoNce(Rows(Queries), Rows(Positives), null, temperature: 1, null).item<float>();

        // τ = 1, so the logits are the cosines.
        // query → passages:  q0·[p0, p1] = [1, 0.6], target 1;   q1·[p0, p1] = [0, 0.8], target 0.8.
        // passage → queries: p0·[q0, q1] = [1, 0],   target 1;   p1·[q0, q1] = [0.6, 0.8], target 0.8.
        var forward = (Ce(1, 0.6) + Ce(0.8, 0)) / 2;     // (log(1+e^-0.4) + log(1+e^-0.8)) / 2 = (0.5130 + 0.3711) / 2
        var backward = (Ce(1, 0) + Ce(0.8, 0.6)) / 2;    // (log(1+e^-1) + log(1+e^-0.2)) / 2   = (0.3133 + 0.5981) / 2
        Assert.Equal((forward + backward) / 2, loss, 5); // ≈ 0.4489
    }

    [Fact]
    public void SymmetricInfoNce_HardNegativeAndTemperature_AddsColumnToQueryDirectionOnly()
    {
        FineTuneFixtures.InitTorch();
        using var scope = NewDisposeScope();
        float[][] hard = [[0.8f, 0.6f]]; // h = (0.8, 0.6): one extra candidate passage for both queries

        var loss = PairLosses.SymmetricInfoNce(Rows(Queries), Rows(Positives), Rows(hard), temperature: 0.5, null).item<float>();

        // τ = 0.5 doubles every cosine.
        // query → [p0, p1, h]: q0 → [2, 1.2, 1.6], target 2;   q1 → [0, 1.6, 1.2], target 1.6.
        // passage → queries (no h): p0 → [2, 0], target 2;     p1 → [1.2, 1.6], target 1.6.
        var forward = (Ce(2, 1.2, 1.6) + Ce(1.6, 0, 1.2)) / 2;
        var backward = (Ce(2, 0) + Ce(1.6, 1.2)) / 2;
        Assert.Equal((forward + backward) / 2, loss, 5);
    }

    [Fact]
    public void SymmetricInfoNce_SamePassageTwice_DuplicateIsNotANegative()
    {
        FineTuneFixtures.InitTorch();
        using var scope = NewDisposeScope();

        // Both queries have the same answer (key 7): each row's only other candidate is its own passage again, so it is
        // excluded and each cross-entropy is over the target alone: log(1) = 0.
        var loss = PairLosses.SymmetricInfoNce(Rows(Queries), Rows(Positives), null, temperature: 1, [7, 7]).item<float>();

        Assert.Equal(0, loss, 5);
    }

    [Fact]
    public void CoSent_OrderedCosines_MatchesHandComputedValue()
    {
        FineTuneFixtures.InitTorch();
        using var scope = NewDisposeScope();

        var loss = PairLosses.CoSent(tensor(new[] { 0.9f, 0.2f, 0.5f }), tensor(new[] { 3f, 1f, 2f }), scale: 1).item<float>();

        // Pairs (i, j) with gold_i < gold_j and their cos_i − cos_j:
        // (1, 0): 1 < 3 → 0.2 − 0.9 = −0.7;   (1, 2): 1 < 2 → 0.2 − 0.5 = −0.3;   (2, 0): 2 < 3 → 0.5 − 0.9 = −0.4.
        // loss = log(1 + e^-0.7 + e^-0.3 + e^-0.4) = log(1 + 0.4966 + 0.7408 + 0.6703) = log(2.9077) ≈ 1.0674
        Assert.Equal(Math.Log(1 + Math.Exp(-0.7) + Math.Exp(-0.3) + Math.Exp(-0.4)), loss, 5);
    }

    [Fact]
    public void CoSent_MisorderedCosinesScaled_LossGrows()
    {
        FineTuneFixtures.InitTorch();
        using var scope = NewDisposeScope();

        var loss = PairLosses.CoSent(tensor(new[] { 0.9f, 0.2f, 0.5f }), tensor(new[] { 1f, 3f, 2f }), scale: 2).item<float>();

        // Gold now says pair 0 is the least similar: (0, 1): 0.9 − 0.2 = 0.7;  (0, 2): 0.9 − 0.5 = 0.4;  (2, 1): 0.5 − 0.2 = 0.3,
        // each times scale 2: loss = log(1 + e^1.4 + e^0.8 + e^0.6) = log(1 + 4.0552 + 2.2255 + 1.8221) ≈ 2.2086
        Assert.Equal(Math.Log(1 + Math.Exp(1.4) + Math.Exp(0.8) + Math.Exp(0.6)), loss, 5);
    }

    [Fact]
    public void CoSent_EqualGoldScores_Zero()
    {
        FineTuneFixtures.InitTorch();
        using var scope = NewDisposeScope();

        // No pair is ranked above another, so the sum is empty: log(1 + 0) = 0.
        var loss = PairLosses.CoSent(tensor(new[] { 0.9f, 0.2f }), tensor(new[] { 4f, 4f }), scale: 20).item<float>();

        Assert.Equal(0, loss, 5);
    }
}
