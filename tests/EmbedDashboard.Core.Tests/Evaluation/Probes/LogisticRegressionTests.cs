using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Tests.Evaluation.Probes;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Fit_LinearlySeparableWithMargin_AllTestPointsRight()
    {
        // Label = sign of x0 + x1, points within 0.2 of the boundary removed: separable with a margin.
        var (x, y) = HalfPlane(n: 600, d: 5, margin: 0.2f, seed: 1);

        var model = LogisticRegression.Fit(x[..(400 * 5)], 400, 5, y[..400], 2);
        var predicted = model.Predict(x[(400 * 5)..], 200);

        Assert.Equal(1, ClassificationMetrics.Accuracy(y[400..], predicted));
        Assert.True(model.Converged, $"stopped after {model.Iterations} iterations");
    }

    [Fact]
    public void Fit_FourSeparatedBlobs_AllTestPointsRight()
    {
        var (x, y) = ToyData.Blobs(400, 8, 4, separation: 4, seed: 2);

        var model = LogisticRegression.Fit(x[..(300 * 8)], 300, 8, y[..300], 4);

        Assert.Equal(1, ClassificationMetrics.Accuracy(y[300..], model.Predict(x[(300 * 8)..], 100)));
    }

    [Fact]
    public void Fit_RandomLabels_ChanceOnHeldOutData()
    {
        // Labels independent of the features: whatever the probe learns on 400 rows is noise, so
        // 2,000 held-out rows score about 0.5 (binomial std 0.011; the band is ±5.5 std).
        const int d = 20;
        var x = ToyData.Uniform(2400 * d, seed: 3);
        var random = new Random(4);
        var y = Enumerable.Range(0, 2400).Select(_ => random.Next(2)).ToArray();

        var model = LogisticRegression.Fit(x[..(400 * d)], 400, d, y[..400], 2);
        var accuracy = ClassificationMetrics.Accuracy(y[400..], model.Predict(x[(400 * d)..], 2000));

        Assert.InRange(accuracy, 0.44, 0.56);
    }

    [Fact]
    public void Fit_TwoSymmetricPoints_ProbabilityFromStationarityCondition()
    {
        // x = −1 (class 0) and x = +1 (class 1) standardise to ∓1. By symmetry w₁ = −w₀ = w, b = 0, and
        // the objective log(1 + e^(−2w)) + λw² is stationary where λw = 1/(1 + e^(2w)). For λ = 0.1,
        // bisection in python3 gives w = 1.0640172592, so P(class 1 | x = 1) = σ(2w) = 0.8935982741.
        var model = LogisticRegression.Fit([-1f, 1f], 2, 1, [0, 1], 2, l2: 0.1);

        var probabilities = model.PredictProbabilities([1f], 1);

        Assert.Equal(0.8935982741, probabilities[1], 5);
        Assert.Equal(1 - 0.8935982741, probabilities[0], 5);
    }

    [Fact]
    public void Fit_SameDataTwice_IdenticalModels()
    {
        var (x, y) = ToyData.Blobs(700, 16, 3, separation: 0.5f, seed: 5);

        var first = LogisticRegression.Fit(x, 700, 16, y, 3).PredictProbabilities(x, 700);
        var second = LogisticRegression.Fit(x, 700, 16, y, 3).PredictProbabilities(x, 700);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fit_ConstantFeature_Ignored()
    {
        // Feature 1 is constant (zero variance): standardising must not divide by zero.
        float[] x = [-2, 7, -1, 7, 1, 7, 2, 7];

        var model = LogisticRegression.Fit(x, 4, 2, [0, 0, 1, 1], 2);

        Assert.Equal([0, 0, 1, 1], model.Predict(x, 4));
    }

    [Fact]
    public void Fit_LabelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.Fit([0f, 1f], 2, 1, [0, 2], 2));
    }

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        var (x, y) = ToyData.Blobs(100, 4, 2, separation: 1, seed: 6);

        Assert.ThrowsAny<OperationCanceledException>(() => LogisticRegression.Fit(x, 100, 4, y, 2, cancellationToken: new CancellationToken(true)));
    }

    private static (float[] X, int[] Y) HalfPlane(int n, int d, float margin, int seed)
    {
        var random = new Random(seed);
        var x = new List<float>();
        var y = new List<int>();
        while (y.Count < n)
        {
            var row = Enumerable.Range(0, d).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var side = row[0] + row[1];
            if (Math.Abs(side) < margin) continue;
            x.AddRange(row);
            y.Add(side > 0 ? 1 : 0);
        }

        return ([.. x], [.. y]);
    }
}
