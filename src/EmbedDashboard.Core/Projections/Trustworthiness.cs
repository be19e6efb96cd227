namespace EmbedDashboard.Core.Projections;

/// <summary>
/// Trustworthiness (Venna &amp; Kaski 2001), as sklearn.manifold.trustworthiness with Euclidean
/// distances: 1 − 2/(nk(2n − 3k − 1)) · Σᵢ Σ_{j ∈ low-space kNN(i)} max(0, r(i, j) − k), where r(i, j)
/// is j's rank among i's neighbours in the original space. 1 means no false neighbours were made.
/// </summary>
public static class Trustworthiness
{
    public static double Compute(float[] high, int dHigh, float[] low, int dLow, int n, int k)
    {
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(low);
        if (high.Length != (long)n * dHigh) throw new ArgumentException($"High-dimensional data length {high.Length} is not {n}×{dHigh}.", nameof(high));
        if (low.Length != (long)n * dLow) throw new ArgumentException($"Low-dimensional data length {low.Length} is not {n}×{dLow}.", nameof(low));
        if (k < 1 || k >= n / 2.0) throw new ArgumentOutOfRangeException(nameof(k), $"k must be in [1, n/2) = [1, {n / 2.0}); got {k}.");

        var lowNeighbours = ExactNeighbours.Compute(low, n, dLow, k);
        var penalties = new long[n];
        Parallel.For(0, n, () => new float[n], (i, _, distances) =>
        {
            var query = high.AsSpan(i * dHigh, dHigh);
            for (var j = 0; j < n; j++) distances[j] = System.Numerics.Tensors.TensorPrimitives.Distance(query, high.AsSpan(j * dHigh, dHigh));
            long penalty = 0;
            for (var t = 0; t < k; t++)
            {
                // Rank (1-based, self excluded) = 1 + number of points closer than j, ties broken by index.
                var j = lowNeighbours.Indices[i * k + t];
                var dj = distances[j];
                var rank = 1;
                for (var m = 0; m < n; m++)
                    if (m != i && (distances[m] < dj || (distances[m] == dj && m < j))) rank++;
                if (rank > k) penalty += rank - k;
            }

            penalties[i] = penalty;
            return distances;
        }, _ => { });

        var total = (double)penalties.Sum();
        return 1 - total * 2.0 / ((double)n * k * (2.0 * n - 3.0 * k - 1.0));
    }
}
