namespace EmbedDashboard.Inference.Import.Vectors;

/// <summary>
/// Growable row-major matrix in chunks of whole rows: growing never copies what is already read (a
/// doubling array would briefly need ~3× the matrix), and <see cref="ToArray"/> copies once into the
/// exact array (~2× at peak), or hands over the first chunk as is when it was sized exactly.
/// </summary>
internal sealed class FloatBuffer
{
    private const int ChunkFloats = 1 << 22; // 16 MB chunks

    private readonly List<float[]> _full = [];
    private readonly int _dimension;
    private float[] _current;
    private int _used;

    /// <param name="dimension">Floats per row.</param>
    /// <param name="expectedRows">Rows to allocate up front (the header's count when it is believable); 0 for unknown.</param>
    public FloatBuffer(int dimension, long expectedRows)
    {
        _dimension = dimension;
        var rows = expectedRows > 0 ? expectedRows : ChunkRows;
        _current = GC.AllocateUninitializedArray<float>((int)Math.Min(rows * dimension, Array.MaxLength / dimension * dimension));
    }

    public long Rows { get; private set; }

    private int ChunkRows => Math.Max(1, ChunkFloats / _dimension);

    /// <summary>Space for the next row, to be filled by the caller.</summary>
    public Span<float> AppendRow()
    {
        if (_used == _current.Length)
        {
            _full.Add(_current);
            _current = GC.AllocateUninitializedArray<float>(ChunkRows * _dimension);
            _used = 0;
        }

        var row = _current.AsSpan(_used, _dimension);
        _used += _dimension;
        Rows++;
        return row;
    }

    public float[] ToArray()
    {
        var total = Rows * _dimension;
        if (_full.Count == 0 && _current.Length == total)
        {
            return _current;
        }

        var result = GC.AllocateUninitializedArray<float>((int)total);
        var offset = 0;
        foreach (var chunk in _full)
        {
            chunk.CopyTo(result, offset);
            offset += chunk.Length;
        }

        _current.AsSpan(0, _used).CopyTo(result.AsSpan(offset));
        return result;
    }
}
