using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>
/// k-nearest-neighbour probe by cosine similarity with a majority vote: asks whether the embedding's
/// neighbourhoods (not a linear direction) carry the label. Ties in the vote go to the tied label
/// whose member is nearest; ties in similarity to the lower training index, so results are deterministic.
/// </summary>
public static class KnnClassifier
{
    public static int[] Predict(float[] train, IReadOnlyList<int> trainLabels, float[] test, int nTest, int d, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(trainLabels);
        ArgumentNullException.ThrowIfNull(test);
        var nTrain = trainLabels.Count;
        if (train.Length != nTrain * d) throw new ArgumentException($"Expected {nTrain}×{d} training features, got {train.Length}.", nameof(train));
        if (test.Length != nTest * d) throw new ArgumentException($"Expected {nTest}×{d} test features, got {test.Length}.", nameof(test));
        ArgumentOutOfRangeException.ThrowIfLessThan(nTrain, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        k = Math.Min(k, nTrain);

        // Unit rows once, so each similarity is one dot product.
        var unitTrain = RowMath.UnitRows(train, nTrain, d);
        var unitTest = RowMath.UnitRows(test, nTest, d);
        var labels = trainLabels.ToArray();
        var result = new int[nTest];
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, nTest, options, () => new Scratch(nTrain, k), (t, _, scratch) =>
        {
            var query = unitTest.AsSpan(t * d, d);
            for (var i = 0; i < nTrain; i++) scratch.Similarities[i] = TensorPrimitives.Dot(query, unitTrain.AsSpan(i * d, d));
            var count = TopK(scratch.Similarities, k, scratch.Nearest);
            result[t] = Vote(scratch.Nearest.AsSpan(0, count), labels);
            return scratch;
        }, _ => { });
        return result;
    }

    /// <summary>Indices of the k largest values, best first (insertion into a sorted array: k is small).</summary>
    private static int TopK(float[] values, int k, int[] nearest)
    {
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (count == k && !(v > values[nearest[k - 1]])) continue;
            var position = count < k ? count++ : k - 1;
            while (position > 0 && v > values[nearest[position - 1]])
            {
                nearest[position] = nearest[position - 1];
                position--;
            }

            nearest[position] = i;
        }

        return count;
    }

    private static int Vote(ReadOnlySpan<int> nearest, int[] labels)
    {
        var votes = new Dictionary<int, int>();
        foreach (var i in nearest) votes[labels[i]] = votes.GetValueOrDefault(labels[i]) + 1;
        var most = votes.Values.Max();
        // nearest is ordered best first, so the first member of a tied label found is the nearest one.
        foreach (var i in nearest)
        {
            if (votes[labels[i]] == most) return labels[i];
        }

        throw new InvalidOperationException("Unreachable: some label has the most votes.");
    }

    private sealed class Scratch(int nTrain, int k)
    {
        public float[] Similarities { get; } = new float[nTrain];
        public int[] Nearest { get; } = new int[k];
    }
}
