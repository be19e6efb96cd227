using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>k-nearest-neighbour probe by cosine similarity, majority vote (ties: the nearer neighbour's label).</summary>
public static class KnnClassifier
{
    public static int[] Predict(float[] train, IReadOnlyList<int> trainLabels, float[] test, int nTest, int d, int k)
    {
        var nTrain = trainLabels.Count;
        var norms = Enumerable.Range(0, nTrain).Select(i => TensorPrimitives.Norm(train.AsSpan(i * d, d))).ToArray();
        var result = new int[nTest];
        Parallel.For(0, nTest, () => new float[nTrain], (t, _, local) =>
        {
            var query = test.AsSpan(t * d, d);
            var qn = TensorPrimitives.Norm(query);
            for (var i = 0; i < nTrain; i++) local[i] = TensorPrimitives.Dot(query, train.AsSpan(i * d, d)) / Math.Max(1e-12f, qn * norms[i]);
            var top = Enumerable.Range(0, nTrain).OrderByDescending(i => local[i]).Take(k).ToList();
            result[t] = top.GroupBy(i => trainLabels[i]).OrderByDescending(g => g.Count()).ThenBy(g => top.IndexOf(g.First())).First().Key;
            return local;
        }, _ => { });
        return result;
    }
}
