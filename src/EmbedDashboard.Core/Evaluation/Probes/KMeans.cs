using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>Lloyd's k-means with k-means++ seeding; the best of several seeded starts by inertia.</summary>
public static class KMeans
{
    public static int[] Cluster(float[] x, int n, int d, int k, int seed, int starts = 3, int iterations = 100)
    {
        int[]? best = null;
        var bestInertia = double.MaxValue;
        for (var s = 0; s < starts; s++)
        {
            var (labels, inertia) = Run(x, n, d, k, new Random(seed * 7919 + s), iterations);
            if (inertia < bestInertia) (best, bestInertia) = (labels, inertia);
        }

        return best!;
    }

    private static (int[] Labels, double Inertia) Run(float[] x, int n, int d, int k, Random random, int iterations)
    {
        var centres = new float[k * d];
        x.AsSpan(random.Next(n) * d, d).CopyTo(centres);
        var distances = new double[n];
        for (var c = 1; c < k; c++)
        {
            for (var i = 0; i < n; i++)
            {
                distances[i] = double.MaxValue;
                for (var j = 0; j < c; j++) distances[i] = Math.Min(distances[i], TensorPrimitives.Distance(x.AsSpan(i * d, d), centres.AsSpan(j * d, d)));
                distances[i] *= distances[i];
            }

            var target = random.NextDouble() * distances.Sum();
            var pick = 0;
            for (double acc = 0; pick < n - 1 && (acc += distances[pick]) < target; pick++) { }
            x.AsSpan(pick * d, d).CopyTo(centres.AsSpan(c * d, d));
        }

        var labels = new int[n];
        double inertia = 0;
        for (var it = 0; it < iterations; it++)
        {
            var changed = false;
            inertia = 0;
            for (var i = 0; i < n; i++)
            {
                var bestC = 0;
                var bestD = float.MaxValue;
                for (var c = 0; c < k; c++)
                {
                    var dist = TensorPrimitives.Distance(x.AsSpan(i * d, d), centres.AsSpan(c * d, d));
                    if (dist < bestD) (bestD, bestC) = (dist, c);
                }

                changed |= labels[i] != bestC;
                labels[i] = bestC;
                inertia += bestD * bestD;
            }

            if (!changed && it > 0) break;
            Array.Clear(centres);
            var counts = new int[k];
            for (var i = 0; i < n; i++)
            {
                TensorPrimitives.Add(centres.AsSpan(labels[i] * d, d), x.AsSpan(i * d, d), centres.AsSpan(labels[i] * d, d));
                counts[labels[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                if (counts[c] > 0) TensorPrimitives.Divide(centres.AsSpan(c * d, d), counts[c], centres.AsSpan(c * d, d));
                else x.AsSpan(random.Next(n) * d, d).CopyTo(centres.AsSpan(c * d, d)); // revive an empty cluster
            }
        }

        return (labels, inertia);
    }
}
