using MathNet.Numerics.LinearAlgebra;

namespace EmbedDashboard.Core.Layers;

/// <summary>
/// Linear centred kernel alignment (Kornblith et al. 2019, eq. 4): ‖YᵀX‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F) on column-centred X [n, dx]
/// and Y [n, dy], the rows being the same n texts. 1 for representations equal up to an orthogonal transform and
/// isotropic scaling; near 0 for unrelated ones. Computed through the d×d Gram matrices (cheap for n ≫ d).
/// </summary>
public static class LinearCka
{
    public static double Compute(ReadOnlySpan<float> x, int dx, ReadOnlySpan<float> y, int dy, int n)
    {
        if (n < 2) throw new ArgumentException("CKA needs at least 2 rows.", nameof(n));
        if (x.Length != n * dx || y.Length != n * dy) throw new ArgumentException($"Expected {n}×{dx} and {n}×{dy} values, got {x.Length} and {y.Length}.");
        var a = Centred(x, n, dx);
        var b = Centred(y, n, dy);
        var cross = b.TransposeThisAndMultiply(a).FrobeniusNorm();
        var xx = a.TransposeThisAndMultiply(a).FrobeniusNorm();
        var yy = b.TransposeThisAndMultiply(b).FrobeniusNorm();
        return xx == 0 || yy == 0 ? 0 : cross * cross / (xx * yy);
    }

    private static Matrix<double> Centred(ReadOnlySpan<float> values, int n, int d)
    {
        var m = Matrix<double>.Build.Dense(n, d);
        for (var j = 0; j < d; j++)
        {
            double mean = 0;
            for (var i = 0; i < n; i++) mean += values[i * d + j];
            mean /= n;
            for (var i = 0; i < n; i++) m[i, j] = values[i * d + j] - mean;
        }

        return m;
    }
}
