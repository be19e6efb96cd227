using EmbedDashboard.Core.Layers;
using MathNet.Numerics.LinearAlgebra;

namespace EmbedDashboard.Core.Tests.Layers;

public sealed class LinearCkaTests
{
    private const int N = 300, D = 16;

    private static float[] Gaussian(int n, int d, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n * d).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))).ToArray();
    }

    [Fact]
    public void Compute_IdenticalRepresentations_IsOne()
    {
        var x = Gaussian(N, D, 1);

        Assert.Equal(1.0, LinearCka.Compute(x, D, x, D, N), 10);
    }

    [Fact]
    public void Compute_OrthogonalRotationAndIsotropicScaling_StaysOne()
    {
        var x = Gaussian(N, D, 2);
        // A random orthogonal matrix: Q of the QR decomposition of a Gaussian matrix.
        var q = Matrix<double>.Build.Dense(D, D, Gaussian(D, D, 3).Select(v => (double)v).ToArray()).QR().Q;
        var xm = Matrix<double>.Build.Dense(N, D, (i, j) => x[i * D + j]);
        var rotated = (xm * q * 3.5).Add(7.0); // scaled, rotated and shifted (CKA centres, so a shift changes nothing)
        var y = Enumerable.Range(0, N * D).Select(k => (float)rotated[k / D, k % D]).ToArray();

        Assert.True(Math.Abs(x[0] - y[0]) > 1e-3); // really transformed
        Assert.Equal(1.0, LinearCka.Compute(x, D, y, D, N), 5);
    }

    [Fact]
    public void Compute_IndependentRandomRepresentations_IsLow()
    {
        var cka = LinearCka.Compute(Gaussian(N, D, 4), D, Gaussian(N, 24, 5), 24, N);

        // For independent Gaussians E[CKA] ≈ d/n-ish (here about 0.06); far below the 1 of related ones.
        Assert.InRange(cka, 0, 0.15);
    }

    [Fact]
    public void Compute_NonIsotropicScaling_IsBelowOne()
    {
        var x = Gaussian(N, D, 6);
        var y = x.Select((v, k) => k % D == 0 ? v * 10 : v).ToArray(); // one direction stretched: not an isotropic change

        Assert.InRange(LinearCka.Compute(x, D, y, D, N), 0.05, 0.95);
    }
}
