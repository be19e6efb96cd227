namespace EmbedDashboard.Core.Projections;

/// <summary>Checks and helpers shared by the non-linear projections.</summary>
internal static class ProjectionInput
{
    /// <summary>Throws ArgumentException with the offending row/column, so a bad embedding is easy to find.</summary>
    public static void Validate(float[] data, int n, int d, string method)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (n < 1 || d < 1) throw new ArgumentException($"{method} needs n ≥ 1 and d ≥ 1; got n = {n}, d = {d}.");
        if (data.Length != (long)n * d) throw new ArgumentException($"{method}: data length {data.Length} is not n×d = {n}×{d}.", nameof(data));
        for (var i = 0; i < data.Length; i++)
            if (!float.IsFinite(data[i]))
                throw new ArgumentException($"{method}: input contains {(float.IsNaN(data[i]) ? "NaN" : "infinity")} at row {i / d}, column {i % d}; remove or repair that vector first.", nameof(data));
    }

    /// <summary>
    /// Leading principal components of the data (deterministic: Pca fixes component signs), used to
    /// reduce dimension before t-SNE and as the starting layout of both methods.
    /// </summary>
    public static float[] PcaCoordinates(float[] data, int n, int d, int components) =>
        Pca.Fit(data, n, d, Math.Min(components, d)).Transform(data, n);

    /// <summary>Standard normal deviate (Box–Muller) from a seeded Random.</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
