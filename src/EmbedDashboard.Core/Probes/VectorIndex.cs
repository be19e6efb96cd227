using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Probes;

/// <summary>
/// An immutable set of labelled vectors (words or texts) for exact nearest-neighbour search by cosine.
/// Rows are L2-normalised once and stored in one contiguous row-major <c>float[]</c>, so a cosine is a
/// single SIMD dot product (TensorPrimitives) over memory read front to back. Large indexes are split
/// into row blocks searched in parallel, each keeping a bounded top-k heap; the heaps are merged at the end.
/// Results are ordered by cosine descending, ties by insertion order, identically on every run.
/// Rows flagged <see cref="EmbeddingBatch.Missing"/>, zero vectors and repeated labels are left out and counted.
/// Nothing is mutated after construction, so one index serves concurrent queries.
/// </summary>
public sealed class VectorIndex
{
    // Under ~1M stored floats a query takes a few milliseconds on one core; handing blocks to the
    // thread pool would cost about as much as it saves.
    private const long ParallelFloats = 1L << 20;

    // ~512K floats (2 MB) per parallel block: enough work per task to amortise scheduling, yet enough
    // blocks (e.g. 77 for 400,000×100) that both cores stay busy until the end.
    private const int BlockFloats = 1 << 19;

    // Many-query scans walk the matrix in tiles of ~16K floats (64 KB, L2-resident) and run every query
    // of a batch over a tile before moving on, so the matrix is read from memory once per batch, not per query.
    private const int TileFloats = 1 << 14;
    private const int QueriesPerBatch = 16;

    private readonly float[] _matrix;
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _rows;

    /// <summary>Row i of <paramref name="batch"/> is labelled <paramref name="labels"/>[i].</summary>
    public VectorIndex(IReadOnlyList<string> labels, EmbeddingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(batch);
        if (labels.Count != batch.Count)
        {
            throw new ArgumentException($"{labels.Count} labels for {batch.Count} vectors.", nameof(labels));
        }

        Dimension = batch.Dimension;
        var kept = new List<(int Source, float Norm)>(batch.Count);
        _rows = new Dictionary<string, int>(batch.Count, StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.Missing[i])
            {
                MissingExcluded++;
                continue;
            }

            // A zero (or overflowing) vector has no direction, hence no cosine with anything.
            var norm = TensorPrimitives.Norm(batch.Row(i));
            if (!(norm > 0) || !float.IsFinite(norm))
            {
                ZeroVectorsExcluded++;
                continue;
            }

            if (!_rows.TryAdd(labels[i], kept.Count))
            {
                DuplicateLabelsExcluded++;
                continue;
            }

            kept.Add((i, norm));
        }

        _labels = new string[kept.Count];
        _matrix = new float[checked(kept.Count * Dimension)];
        for (var r = 0; r < kept.Count; r++)
        {
            _labels[r] = labels[kept[r].Source];
            TensorPrimitives.Divide(batch.Row(kept[r].Source), kept[r].Norm, RowSpan(r));
        }
    }

    /// <summary>Stored labels in row order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    public int Dimension { get; }

    public int Count => _labels.Length;

    /// <summary>Inputs flagged missing (no known token) and left out.</summary>
    public int MissingExcluded { get; }

    /// <summary>Inputs whose vector was zero (no direction, so no cosine) and left out.</summary>
    public int ZeroVectorsExcluded { get; }

    /// <summary>Inputs whose label was already stored; the first occurrence is kept.</summary>
    public int DuplicateLabelsExcluded { get; }

    /// <summary>All inputs left out, for whatever reason.</summary>
    public int Excluded => MissingExcluded + ZeroVectorsExcluded + DuplicateLabelsExcluded;

    public bool Contains(string label) => _rows.ContainsKey(label);

    /// <summary>Row of a label, or −1 when it is not stored.</summary>
    public int IndexOf(string label) => _rows.GetValueOrDefault(label, -1);

    /// <summary>The stored (unit-length) vector of a label.</summary>
    /// <exception cref="KeyNotFoundException">The label is not stored.</exception>
    public ReadOnlySpan<float> Vector(string label) => RowSpan(RowOf(label));

    /// <summary>Cosine of two stored labels.</summary>
    public float Cosine(string a, string b) => TensorPrimitives.Dot(Vector(a), Vector(b));

    /// <summary>Cosine of every stored row with a stored label's row (1 at the label itself).</summary>
    public float[] Similarities(string label) => CosinesWithUnit(RowSpan(RowOf(label)));

    /// <summary>Cosine of every stored row with the vector.</summary>
    public float[] Similarities(ReadOnlySpan<float> vector) => CosinesWithUnit(Normalised(vector));

    /// <summary>Top-k rows by cosine to the vector (any length; it is normalised here), skipping excluded labels.</summary>
    /// <exception cref="ArgumentException">Wrong dimension, or a zero vector (no direction to compare).</exception>
    public IReadOnlyList<Neighbour> Query(ReadOnlySpan<float> vector, int k, IReadOnlySet<string>? exclude = null) =>
        ToNeighbours(Search(Normalised(vector), k, RowsOf(exclude)));

    /// <summary>Top-k neighbours of a stored label, the label itself excluded.</summary>
    /// <exception cref="KeyNotFoundException">The label is not stored.</exception>
    public IReadOnlyList<Neighbour> Query(string label, int k)
    {
        var row = RowOf(label);
        return ToNeighbours(Search(_matrix.AsMemory(row * Dimension, Dimension), k, [row]));
    }

    /// <summary>
    /// 1-based position <paramref name="label"/> would have in <see cref="Query(ReadOnlySpan{float}, int, IReadOnlySet{string}?)"/>
    /// with an unlimited k: so it is in the top-k exactly when the rank is ≤ k. Null when the label is
    /// not stored or is excluded.
    /// </summary>
    public int? RankOf(ReadOnlySpan<float> vector, string label, IReadOnlySet<string>? exclude = null)
    {
        var row = IndexOf(label);
        var excluded = RowsOf(exclude);
        if (row < 0 || Array.BinarySearch(excluded, row) >= 0) return null;
        return RankIn(Similarities(vector), row, excluded);
    }

    /// <summary>
    /// Rank of <paramref name="row"/> among all rows scored by <paramref name="similarities"/> (rows in
    /// <paramref name="excludedRows"/>, sorted, do not count): 1 + rows ahead of it in the search order.
    /// </summary>
    internal static int RankIn(ReadOnlySpan<float> similarities, int row, int[] excludedRows)
    {
        var target = similarities[row];
        var ahead = 0;
        for (var r = 0; r < similarities.Length; r++)
        {
            if (r != row && BoundedTopK.Better(r, similarities[r], row, target) && Array.BinarySearch(excludedRows, r) < 0) ahead++;
        }

        return ahead + 1;
    }

    /// <summary>Rows of the labels that are stored, sorted (for binary search); unknown labels are ignored.</summary>
    internal int[] RowsOf(IEnumerable<string>? labels)
    {
        if (labels is null) return [];
        var rows = labels.Select(IndexOf).Where(r => r >= 0).Distinct().ToArray();
        Array.Sort(rows);
        return rows;
    }

    internal int RowOf(string label) =>
        _rows.TryGetValue(label, out var row) ? row : throw new KeyNotFoundException($"'{label}' is not in the vocabulary.");

    internal ReadOnlySpan<float> StoredRow(int row) => RowSpan(row);

    /// <summary>Top-k rows by cosine to a unit vector, best first.</summary>
    internal (int Row, float Score)[] Search(ReadOnlyMemory<float> unitQuery, int k, int[] excludedRows)
    {
        if (k <= 0 || Count == 0) return [];
        var blockRows = Math.Max(1, BlockFloats / Math.Max(1, Dimension));
        var blocks = (Count + blockRows - 1) / blockRows;
        if (blocks == 1 || (long)Count * Dimension < ParallelFloats)
        {
            return SearchRows(unitQuery.Span, 0, Count, k, excludedRows).ToSortedArray();
        }

        var partial = new BoundedTopK[blocks];
        Parallel.For(0, blocks, b => partial[b] = SearchRows(unitQuery.Span, b * blockRows, Math.Min(Count, (b + 1) * blockRows), k, excludedRows));
        var merged = new BoundedTopK(k);
        foreach (var block in partial) merged.OfferAll(block);
        return merged.ToSortedArray();
    }

    /// <summary>
    /// Cosines of each query row with every stored row, handed to <paramref name="visit"/> one query at
    /// a time (concurrently, from several threads). For probes that need hundreds of full rankings.
    /// </summary>
    internal void ForEachSimilarityRow(IReadOnlyList<int> queryRows, SimilarityRowVisitor visit, CancellationToken cancellationToken)
    {
        var batches = (queryRows.Count + QueriesPerBatch - 1) / QueriesPerBatch;
        var tileRows = Math.Max(1, TileFloats / Math.Max(1, Dimension));
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, batches, options, b =>
        {
            var first = b * QueriesPerBatch;
            var queries = Math.Min(QueriesPerBatch, queryRows.Count - first);
            var similarities = new float[queries * Count];
            for (var tile = 0; tile < Count; tile += tileRows)
            {
                var end = Math.Min(Count, tile + tileRows);
                for (var q = 0; q < queries; q++)
                {
                    var query = RowSpan(queryRows[first + q]);
                    var destination = similarities.AsSpan(q * Count, Count);
                    for (var r = tile; r < end; r++) destination[r] = TensorPrimitives.Dot(query, RowSpan(r));
                }
            }

            for (var q = 0; q < queries; q++) visit(first + q, similarities.AsSpan(q * Count, Count));
        });
    }

    private BoundedTopK SearchRows(ReadOnlySpan<float> unitQuery, int start, int end, int k, int[] excludedRows)
    {
        var top = new BoundedTopK(k);
        for (var r = start; r < end; r++)
        {
            var score = TensorPrimitives.Dot(unitQuery, RowSpan(r));
            // The exclusion list is consulted only for the rare rows that would enter the top-k.
            if (top.WouldKeep(r, score) && Array.BinarySearch(excludedRows, r) < 0) top.Offer(r, score);
        }

        return top;
    }

    private float[] CosinesWithUnit(ReadOnlySpan<float> unitQuery)
    {
        var result = new float[Count];
        for (var r = 0; r < Count; r++) result[r] = TensorPrimitives.Dot(unitQuery, RowSpan(r));
        return result;
    }

    private float[] Normalised(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimension)
        {
            throw new ArgumentException($"The query has {vector.Length} dimensions, the index {Dimension}.", nameof(vector));
        }

        var norm = TensorPrimitives.Norm(vector);
        if (!(norm > 0) || !float.IsFinite(norm))
        {
            throw new ArgumentException("The query vector is zero (or not finite), so it has no direction to compare.", nameof(vector));
        }

        var unit = new float[Dimension];
        TensorPrimitives.Divide(vector, norm, unit);
        return unit;
    }

    private IReadOnlyList<Neighbour> ToNeighbours((int Row, float Score)[] top) =>
        top.Select((t, i) => new Neighbour(_labels[t.Row], t.Score, i + 1)).ToArray();

    private Span<float> RowSpan(int row) => _matrix.AsSpan(row * Dimension, Dimension);
}
