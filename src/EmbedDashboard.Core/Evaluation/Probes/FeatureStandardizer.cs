using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>
/// Per-feature centring and scaling to unit variance, fitted on training rows only (as scikit-learn's
/// StandardScaler). Embedding dimensions differ in scale by orders of magnitude; without this one L2
/// penalty would regularise some dimensions far harder than others.
/// </summary>
internal sealed class FeatureStandardizer
{
    private readonly float[] _mean;
    private readonly float[] _inverseStd;

    private FeatureStandardizer(float[] mean, float[] inverseStd)
    {
        _mean = mean;
        _inverseStd = inverseStd;
    }

    public int Dimension => _mean.Length;

    public static FeatureStandardizer Fit(float[] x, int n, int d)
    {
        var mean = new float[d];
        for (var i = 0; i < n; i++) TensorPrimitives.Add(mean, x.AsSpan(i * d, d), mean);
        if (n > 0) TensorPrimitives.Divide(mean, n, mean);
        var squares = new float[d];
        var diff = new float[d];
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.Subtract(x.AsSpan(i * d, d), mean, diff);
            TensorPrimitives.MultiplyAdd(diff, diff, squares, squares);
        }

        // A constant feature carries no information: scale 0 instead of dividing by zero.
        var inverseStd = new float[d];
        for (var j = 0; j < d; j++)
        {
            var variance = n > 0 ? squares[j] / n : 0;
            inverseStd[j] = variance <= 1e-12f ? 0 : 1 / MathF.Sqrt(variance);
        }

        return new FeatureStandardizer(mean, inverseStd);
    }

    public float[] Transform(float[] x, int n)
    {
        var d = Dimension;
        var z = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            var row = z.AsSpan(i * d, d);
            TensorPrimitives.Subtract(x.AsSpan(i * d, d), _mean, row);
            TensorPrimitives.Multiply(row, _inverseStd, row);
        }

        return z;
    }
}
