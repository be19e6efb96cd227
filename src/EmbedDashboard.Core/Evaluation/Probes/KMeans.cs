using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>
/// Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007), the best of
/// <c>restarts</c> seeded starts by inertia (scikit-learn's n_init). Deterministic given the seed:
/// the assignment step runs in parallel but each row's result is independent of scheduling, and
/// centroids are summed sequentially.
/// </summary>
public static class KMeans
{
    public const int DefaultRestarts = 3;
    public const int DefaultMaxIterations = 300;

    public static KMeansResult Fit(float[] x, int n, int d, int k, int seed, int restarts = DefaultRestarts, int maxIterations = DefaultMaxIterations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != n * d) throw new ArgumentException($"Expected {n}×{d} values, got {x.Length}.", nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        var random = new Random(seed);
        KMeansResult? best = null;
        for (var start = 0; start < restarts; start++)
        {
            var result = Run(x, n, d, k, new Random(random.Next()), maxIterations, cancellationToken);
            if (best is null || result.Inertia < best.Inertia) best = result;
        }

        return best!;
    }

    private static KMeansResult Run(float[] x, int n, int d, int k, Random random, int maxIterations, CancellationToken cancellationToken)
    {
        var centroids = SeedPlusPlus(x, n, d, k, random);
        var labels = new int[n];
        var distances = new float[n];
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = Assign(x, n, d, centroids, k, labels, distances);
            if (!changed && iterations > 0) break;
            UpdateCentroids(x, n, d, k, labels, distances, centroids);
        }

        // Final assignment against the final centroids, so labels and inertia describe the same partition.
        Assign(x, n, d, centroids, k, labels, distances);
        double inertia = 0;
        foreach (var distance in distances) inertia += distance;
        return new KMeansResult(labels, centroids, inertia, iterations);
    }

    /// <summary>First centre uniformly at random, each next one with probability ∝ squared distance to the nearest centre so far.</summary>
    private static float[] SeedPlusPlus(float[] x, int n, int d, int k, Random random)
    {
        var centroids = new float[k * d];
        x.AsSpan(random.Next(n) * d, d).CopyTo(centroids);
        var nearest = new double[n];
        for (var i = 0; i < n; i++) nearest[i] = SquaredDistance(x.AsSpan(i * d, d), centroids.AsSpan(0, d));
        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var pick = n - 1;
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                double cumulative = 0;
                for (var i = 0; i < n; i++)
                {
                    cumulative += nearest[i];
                    if (cumulative > target)
                    {
                        pick = i;
                        break;
                    }
                }
            }
            else
            {
                pick = random.Next(n); // every row coincides with a centre already: any row will do
            }

            var centre = centroids.AsSpan(c * d, d);
            x.AsSpan(pick * d, d).CopyTo(centre);
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], SquaredDistance(x.AsSpan(i * d, d), centre));
        }

        return centroids;
    }

    private static bool Assign(float[] x, int n, int d, float[] centroids, int k, int[] labels, float[] distances)
    {
        var changed = 0;
        Parallel.For(0, n, i =>
        {
            var row = x.AsSpan(i * d, d);
            var bestCluster = 0;
            var bestDistance = float.MaxValue;
            for (var c = 0; c < k; c++)
            {
                var distance = SquaredDistance(row, centroids.AsSpan(c * d, d));
                if (distance < bestDistance) (bestDistance, bestCluster) = (distance, c);
            }

            if (labels[i] != bestCluster)
            {
                labels[i] = bestCluster;
                Interlocked.Exchange(ref changed, 1);
            }

            distances[i] = bestDistance;
        });
        return changed != 0;
    }

    private static void UpdateCentroids(float[] x, int n, int d, int k, int[] labels, float[] distances, float[] centroids)
    {
        Array.Clear(centroids);
        var counts = new int[k];
        for (var i = 0; i < n; i++)
        {
            var centre = centroids.AsSpan(labels[i] * d, d);
            TensorPrimitives.Add(centre, x.AsSpan(i * d, d), centre);
            counts[labels[i]]++;
        }

        for (var c = 0; c < k; c++)
        {
            var centre = centroids.AsSpan(c * d, d);
            if (counts[c] > 0)
            {
                TensorPrimitives.Divide(centre, counts[c], centre);
                continue;
            }

            // An empty cluster takes the row farthest from its centre (as scikit-learn relocates
            // empty clusters), which is then no longer counted as far.
            var farthest = TensorPrimitives.IndexOfMax<float>(distances);
            x.AsSpan(farthest * d, d).CopyTo(centre);
            distances[farthest] = 0;
        }
    }

    private static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var distance = TensorPrimitives.Distance(a, b);
        return distance * distance;
    }
}
