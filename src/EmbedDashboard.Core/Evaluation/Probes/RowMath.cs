using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>Row-major matrix helpers shared by the probes and evaluators.</summary>
internal static class RowMath
{
    /// <summary>Copies the given rows into a new compact matrix, in the given order.</summary>
    public static float[] Gather(float[] data, int d, IReadOnlyList<int> rows)
    {
        var result = new float[rows.Count * d];
        for (var k = 0; k < rows.Count; k++) data.AsSpan(rows[k] * d, d).CopyTo(result.AsSpan(k * d, d));
        return result;
    }

    /// <summary>
    /// A copy with every row scaled to unit length, so cosine is one dot product. A zero row (no
    /// known token) stays zero: similarity 0 to everything, never NaN. The input is not modified
    /// (embedders may hand out cached arrays).
    /// </summary>
    public static float[] UnitRows(float[] x, int n, int d)
    {
        var unit = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            var source = x.AsSpan(i * d, d);
            var norm = TensorPrimitives.Norm(source);
            if (norm > 0) TensorPrimitives.Divide(source, norm, unit.AsSpan(i * d, d));
        }

        return unit;
    }
}
