using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Projections;

/// <summary>
/// Neighbour churn between two embedders of the same items: for each item, the share of its k nearest neighbours
/// (by cosine, the item itself excluded) that both embedders agree on, |kNN_A(i) ∩ kNN_B(i)| / k. An item with
/// overlap 1 keeps its neighbourhood; one with 0 lives among different texts under each embedder.
/// </summary>
public static class NeighbourChurn
{
    /// <summary>
    /// Exact search in each space. Rows are L2-normalised first, so <see cref="ExactNeighbours"/>' Euclidean order
    /// (‖a − b‖² = 2 − 2·cos for unit vectors) is the cosine order, with its deterministic ties (lower index first).
    /// A k of n − 1 or more is clamped to n − 1 (every other item), where every overlap is 1.
    /// </summary>
    /// <param name="first">Row-major n × <paramref name="firstDimension"/>: row i is item i under the first embedder.</param>
    /// <param name="second">Row-major n × <paramref name="secondDimension"/>: the same items, same order, under the second.</param>
    public static NeighbourChurnResult Compute(float[] first, int firstDimension, float[] second, int secondDimension, int n, int k,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (n < 2) throw new ArgumentException($"Neighbour churn needs at least two items; got {n}.", nameof(n));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), $"k must be at least 1; got {k}.");
        var a = UnitRows(first, firstDimension, n, "first");
        var b = UnitRows(second, secondDimension, n, "second");
        var effectiveK = Math.Min(k, n - 1);

        var firstGraph = ExactNeighbours.Compute(a, n, firstDimension, effectiveK, new Scaled(progress, 0, 0.5), cancellationToken);
        var secondGraph = ExactNeighbours.Compute(b, n, secondDimension, effectiveK, new Scaled(progress, 0.5, 1), cancellationToken);

        var overlap = new double[n];
        var histogram = new int[effectiveK + 1];
        var mine = new HashSet<int>(effectiveK);
        for (var i = 0; i < n; i++)
        {
            mine.Clear();
            foreach (var j in firstGraph.Indices.AsSpan(i * effectiveK, effectiveK)) mine.Add(j);
            var shared = 0;
            foreach (var j in secondGraph.Indices.AsSpan(i * effectiveK, effectiveK)) if (mine.Contains(j)) shared++;
            overlap[i] = (double)shared / effectiveK;
            histogram[shared]++;
        }

        // Lowest overlap first; equal overlaps by row so the list is the same on every run.
        var moved = Enumerable.Range(0, n).OrderBy(i => overlap[i]).ThenBy(i => i).ToArray();
        return new NeighbourChurnResult(k, effectiveK, n, overlap, histogram, moved, firstGraph.Indices, secondGraph.Indices);
    }

    /// <summary>A normalised copy; a row without a direction (zero, NaN, ∞) has no cosine neighbours, so it is refused by number.</summary>
    private static float[] UnitRows(float[] data, int d, int n, string which)
    {
        if (d < 1 || data.Length != (long)n * d)
        {
            throw new ArgumentException($"The {which} matrix has {data.Length} values, not n × d = {n} × {d}.", which);
        }

        var unit = new float[data.Length];
        for (var i = 0; i < n; i++)
        {
            var row = data.AsSpan(i * d, d);
            var norm = TensorPrimitives.Norm(row);
            if (!(norm > 0) || !float.IsFinite(norm))
            {
                throw new ArgumentException($"Row {i} of the {which} matrix is a zero or non-finite vector: it has no cosine neighbours (leave such items out).", which);
            }

            TensorPrimitives.Divide(row, norm, unit.AsSpan(i * d, d));
        }

        return unit;
    }
}

/// <summary>What <see cref="NeighbourChurn.Compute"/> found; rows are the input's item order.</summary>
/// <param name="RequestedK">The k asked for.</param>
/// <param name="K">The k used: <paramref name="RequestedK"/>, or n − 1 when fewer items exist.</param>
/// <param name="Overlap">Per row, shared neighbours / K, in [0, 1].</param>
/// <param name="Histogram">Histogram[s] = how many rows share exactly s of their K neighbours.</param>
/// <param name="MostMoved">All rows, lowest overlap first (ties by row).</param>
/// <param name="FirstNeighbours">Row-major n × K: each row's neighbours under the first embedder, nearest first.</param>
/// <param name="SecondNeighbours">The same under the second embedder.</param>
public sealed record NeighbourChurnResult(
    int RequestedK,
    int K,
    int N,
    IReadOnlyList<double> Overlap,
    IReadOnlyList<int> Histogram,
    IReadOnlyList<int> MostMoved,
    int[] FirstNeighbours,
    int[] SecondNeighbours)
{
    public double MeanOverlap => Overlap.Average();

    /// <summary>Row <paramref name="row"/>'s neighbours under the first embedder, nearest first.</summary>
    public ReadOnlySpan<int> FirstOf(int row) => FirstNeighbours.AsSpan(row * K, K);

    public ReadOnlySpan<int> SecondOf(int row) => SecondNeighbours.AsSpan(row * K, K);
}
