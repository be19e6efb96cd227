using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Probes;

namespace EmbedDashboard.Core.Tests.Probes;

/// <summary>Small hand-made and seeded random indexes for the probe tests.</summary>
internal static class ToyIndexes
{
    public static VectorIndex FromWords(params (string Word, float[] Vector)[] words) =>
        new(words.Select(w => w.Word).ToList(), Batch(words.SelectMany(w => w.Vector).ToArray(), words.Length, words[0].Vector.Length));

    /// <summary>Unit vectors in the plane at the given angles (degrees): cosine = cos(angle difference), so neighbour order is read off the angles.</summary>
    public static VectorIndex FromAngles(params (string Word, double Degrees)[] words) =>
        FromWords(words.Select(w => (w.Word, new[] { (float)Math.Cos(w.Degrees * Math.PI / 180), (float)Math.Sin(w.Degrees * Math.PI / 180) })).ToArray());

    /// <summary>n×d uniform(−1, 1) values, labels "w0".."w{n−1}".</summary>
    public static (List<string> Labels, EmbeddingBatch Batch) Random(int n, int d, int seed)
    {
        var random = new Random(seed);
        var data = new float[n * d];
        for (var i = 0; i < data.Length; i++) data[i] = random.NextSingle() * 2 - 1;
        return (Enumerable.Range(0, n).Select(i => $"w{i}").ToList(), Batch(data, n, d));
    }

    public static EmbeddingBatch Batch(float[] data, int n, int d, bool[]? missing = null) =>
        new(data, n, d, missing ?? new bool[n], EmbeddingStats.Empty);
}
