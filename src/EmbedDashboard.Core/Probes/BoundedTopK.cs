namespace EmbedDashboard.Core.Probes;

/// <summary>
/// The k best (row, score) pairs seen so far, kept in a min-heap whose root is the worst kept pair, so
/// a candidate is rejected with one comparison. Order is score descending, then row ascending: ties
/// always resolve the same way, whether the rows were scanned in one block or in parallel blocks.
/// </summary>
internal sealed class BoundedTopK
{
    private readonly int[] _rows;
    private readonly float[] _scores;

    public BoundedTopK(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _rows = new int[capacity];
        _scores = new float[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Whether <see cref="Offer"/> would keep this pair: checked first so exclusion lists are only consulted for real candidates.</summary>
    public bool WouldKeep(int row, float score) =>
        _rows.Length > 0 && (Count < _rows.Length || Better(row, score, _rows[0], _scores[0]));

    public void Offer(int row, float score)
    {
        if (!WouldKeep(row, score)) return;
        if (Count < _rows.Length)
        {
            // Append and sift up.
            var i = Count++;
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Better(_rows[parent], _scores[parent], row, score)) break;
                _rows[i] = _rows[parent];
                _scores[i] = _scores[parent];
                i = parent;
            }

            _rows[i] = row;
            _scores[i] = score;
            return;
        }

        // Replace the worst (root) and sift down: the worse child moves up while the new pair beats it.
        var at = 0;
        while (true)
        {
            var child = 2 * at + 1;
            if (child >= Count) break;
            var right = child + 1;
            if (right < Count && Better(_rows[child], _scores[child], _rows[right], _scores[right])) child = right;
            if (!Better(row, score, _rows[child], _scores[child])) break;
            _rows[at] = _rows[child];
            _scores[at] = _scores[child];
            at = child;
        }

        _rows[at] = row;
        _scores[at] = score;
    }

    public void OfferAll(BoundedTopK other)
    {
        for (var i = 0; i < other.Count; i++) Offer(other._rows[i], other._scores[i]);
    }

    /// <summary>Kept pairs, best first.</summary>
    public (int Row, float Score)[] ToSortedArray()
    {
        var result = new (int Row, float Score)[Count];
        for (var i = 0; i < Count; i++) result[i] = (_rows[i], _scores[i]);
        Array.Sort(result, static (x, y) => Better(x.Row, x.Score, y.Row, y.Score) ? -1 : Better(y.Row, y.Score, x.Row, x.Score) ? 1 : 0);
        return result;
    }

    /// <summary>Higher score first; equal scores go to the lower row so results do not depend on scan order.</summary>
    internal static bool Better(int row, float score, int otherRow, float otherScore) =>
        score > otherScore || (score == otherScore && row < otherRow);
}
