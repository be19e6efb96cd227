using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Probes;

public readonly record struct Neighbour(string Label, float Cosine, int Rank);

/// <summary>
/// Exact nearest neighbours by cosine over one contiguous matrix of L2-normalised rows: a dot product
/// per row (TensorPrimitives, SIMD), rows split into blocks searched in parallel, each block keeping
/// its own small top-k, merged at the end. Rows whose input had no vector (OOV) are left out and counted.
/// </summary>
public sealed class VectorIndex
{
    private const int BlockRows = 8192;
    private readonly float[] _matrix;
    private readonly Dictionary<string, int> _rows;

    public VectorIndex(IReadOnlyList<string> labels, EmbeddingBatch batch)
    {
        if (labels.Count != batch.Count) throw new ArgumentException($"{labels.Count} labels for {batch.Count} vectors.");
        Dimension = batch.Dimension;
        var kept = Enumerable.Range(0, labels.Count).Where(i => !batch.Missing[i]).ToList();
        Labels = kept.Select(i => labels[i]).ToList();
        Excluded = labels.Count - kept.Count;
        _matrix = new float[kept.Count * Dimension];
        _rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < kept.Count; r++)
        {
            var row = _matrix.AsSpan(r * Dimension, Dimension);
            batch.Row(kept[r]).CopyTo(row);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
            _rows.TryAdd(Labels[r], r);
        }
    }

    public IReadOnlyList<string> Labels { get; }
    public int Dimension { get; }
    public int Count => Labels.Count;

    /// <summary>Inputs left out because they had no vector.</summary>
    public int Excluded { get; }

    public bool Contains(string label) => _rows.ContainsKey(label);

    public ReadOnlySpan<float> Vector(string label) => _matrix.AsSpan(_rows[label] * Dimension, Dimension);

    /// <summary>Cosine of every stored row with a stored label's row.</summary>
    public float[] Similarities(string label)
    {
        var query = Vector(label);
        var result = new float[Count];
        for (var r = 0; r < Count; r++) result[r] = TensorPrimitives.Dot(query, _matrix.AsSpan(r * Dimension, Dimension));
        return result;
    }

    /// <summary>Top-k neighbours of a stored label (itself excluded).</summary>
    public IReadOnlyList<Neighbour> Query(string label, int k) =>
        _rows.TryGetValue(label, out var row) ? Query(_matrix.AsSpan(row * Dimension, Dimension).ToArray(), k, new HashSet<string>(StringComparer.Ordinal) { label }) : [];

    /// <summary>Top-k rows by cosine to the vector (normalised here), skipping excluded labels.</summary>
    public IReadOnlyList<Neighbour> Query(float[] vector, int k, IReadOnlySet<string>? exclude = null)
    {
        if (vector.Length != Dimension) throw new ArgumentException($"Query has {vector.Length} dimensions, index {Dimension}.");
        var query = vector.ToArray();
        var norm = TensorPrimitives.Norm(query);
        if (norm > 0) TensorPrimitives.Divide(query, norm, query);
        var excluded = exclude?.Where(_rows.ContainsKey).Select(l => _rows[l]).ToHashSet() ?? [];
        var blocks = (Count + BlockRows - 1) / BlockRows;
        var partial = new List<(int Row, float Score)>[blocks];
        Parallel.For(0, blocks, b =>
        {
            var heap = new PriorityQueue<int, float>(k + 1);
            var end = Math.Min(Count, (b + 1) * BlockRows);
            for (var r = b * BlockRows; r < end; r++)
            {
                if (excluded.Contains(r)) continue;
                var score = TensorPrimitives.Dot(query, _matrix.AsSpan(r * Dimension, Dimension));
                if (heap.Count < k) heap.Enqueue(r, score);
                else if (heap.TryPeek(out _, out var worst) && score > worst) heap.EnqueueDequeue(r, score);
            }

            var list = new List<(int, float)>(heap.Count);
            while (heap.TryDequeue(out var row, out var s)) list.Add((row, s));
            partial[b] = list;
        });

        return partial.SelectMany(p => p).OrderByDescending(p => p.Score).ThenBy(p => p.Row).Take(k)
            .Select((p, i) => new Neighbour(Labels[p.Row], p.Score, i + 1)).ToList();
    }
}
