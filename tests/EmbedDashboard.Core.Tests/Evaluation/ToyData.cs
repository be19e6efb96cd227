namespace EmbedDashboard.Core.Tests.Evaluation;

/// <summary>Seeded synthetic data for the probe and evaluator tests.</summary>
internal static class ToyData
{
    /// <summary>
    /// n points around `classes` centres spaced `separation` apart on the axes of a d-dimensional
    /// space, with uniform noise in [−0.5, 0.5] per coordinate: separable when separation ≫ 1.
    /// </summary>
    public static (float[] X, int[] Y) Blobs(int n, int d, int classes, float separation, int seed)
    {
        var random = new Random(seed);
        var x = new float[n * d];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i % classes;
            for (var j = 0; j < d; j++) x[i * d + j] = (float)(random.NextDouble() - 0.5) + (j == y[i] % d ? separation : 0);
        }

        return (x, y);
    }

    public static float[] Uniform(int count, int seed)
    {
        var random = new Random(seed);
        var x = new float[count];
        for (var i = 0; i < count; i++) x[i] = (float)(random.NextDouble() * 2 - 1);
        return x;
    }

    public static Dictionary<string, float[]> Table(float[] x, int d, string prefix = "t") =>
        Enumerable.Range(0, x.Length / d).ToDictionary(i => $"{prefix}{i}", i => x.AsSpan(i * d, d).ToArray());
}
