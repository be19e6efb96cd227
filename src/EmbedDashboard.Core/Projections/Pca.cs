using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace EmbedDashboard.Core.Projections;

/// <summary>A fitted PCA: mean, top components (rows, unit length) and their explained variance ratios.</summary>
public sealed record PcaModel(float[] Mean, float[][] Components, double[] ExplainedVarianceRatio)
{
    public int Dimension => Mean.Length;

    /// <summary>Projects n×d rows onto the components: n×k row-major.</summary>
    public float[] Transform(float[] data, int n)
    {
        var k = Components.Length;
        var d = Dimension;
        var result = new float[n * k];
        var centred = new float[d];
        for (var i = 0; i < n; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(data.AsSpan(i * d, d), Mean, centred);
            for (var c = 0; c < k; c++) result[i * k + c] = System.Numerics.Tensors.TensorPrimitives.Dot(centred, Components[c]);
        }

        return result;
    }
}

public sealed record Projection(float[] Coordinates, int Components, double[] ExplainedVarianceRatio, TimeSpan Elapsed);

/// <summary>
/// PCA by eigendecomposition of the d×d covariance (MathNet's symmetric EVD): cheap for embedding
/// sizes (d ≤ 1024) whatever n is, so 100,000 points project in about a second. Component signs are
/// fixed (largest absolute loading positive) so the same data always gives the same picture.
/// </summary>
public static class Pca
{
    public static PcaModel Fit(float[] data, int n, int d, int components)
    {
        if (n < 2) throw new ArgumentException("PCA needs at least two points.");
        components = Math.Min(components, d);
        var mean = new double[d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++) mean[j] += data[i * d + j];
        for (var j = 0; j < d; j++) mean[j] /= n;

        var covariance = new double[d, d];
        var row = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++) row[j] = data[i * d + j] - mean[j];
            for (var a = 0; a < d; a++)
            {
                var ra = row[a];
                if (ra == 0) continue;
                for (var b = a; b < d; b++) covariance[a, b] += ra * row[b];
            }
        }

        for (var a = 0; a < d; a++)
            for (var b = a; b < d; b++) covariance[b, a] = covariance[a, b] /= n - 1;

        var evd = Matrix<double>.Build.DenseOfArray(covariance).Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(v => v.Real).ToArray();
        var order = Enumerable.Range(0, d).OrderByDescending(i => eigenvalues[i]).Take(components).ToArray();
        var total = eigenvalues.Where(v => v > 0).Sum();
        var vectors = order.Select(i =>
        {
            var v = evd.EigenVectors.Column(i).Select(x => (float)x).ToArray();
            var largest = v.MaxBy(Math.Abs);
            if (largest < 0) for (var j = 0; j < v.Length; j++) v[j] = -v[j];
            return v;
        }).ToArray();
        return new PcaModel(mean.Select(m => (float)m).ToArray(), vectors, order.Select(i => total > 0 ? Math.Max(0, eigenvalues[i]) / total : 0).ToArray());
    }

    public static Projection Project(float[] data, int n, int d, int components)
    {
        var watch = Stopwatch.StartNew();
        var model = Fit(data, n, d, components);
        return new Projection(model.Transform(data, n), model.Components.Length, model.ExplainedVarianceRatio, watch.Elapsed);
    }
}
