namespace EmbedDashboard.Training.Tagger;

/// <summary>
/// Gradients of one <see cref="WindowTaggerModel.Gradients"/> call: dense for W, b and the padding,
/// sparse for the table (only the rows the sentences touched). Reused across steps so training
/// allocates nothing once the buffers have grown to the longest sentence.
/// </summary>
public sealed class TaggerGradients
{
    private readonly int _dimension;
    private readonly float[] _zero;
    private readonly Dictionary<int, int> _slotOf = [];
    private readonly List<int> _rows = [];
    private float[] _rowData;

    // Per-sentence scratch, grown on demand (fields so Scratch can replace them).
    internal float[] Vectors = [], DVectors = [];

    public TaggerGradients(WindowTaggerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _dimension = model.Dimension;
        _zero = new float[model.Dimension];
        _rowData = new float[64 * model.Dimension];
        DWeights = new float[model.Weights.Length];
        DBias = new float[model.Tags];
        DPadding = new float[model.Dimension];
        Input = new float[model.InputSize];
        DInput = new float[model.InputSize];
        Logits = new float[model.Tags];
    }

    public float[] DWeights { get; }
    public float[] DBias { get; }
    public float[] DPadding { get; }

    /// <summary>Table rows with a gradient, in the order first touched (deterministic for a given input).</summary>
    public IReadOnlyList<int> TouchedRows => _rows;

    /// <summary>A row's gradient; zero for a row the sentences did not touch.</summary>
    public ReadOnlySpan<float> Row(int row) => _slotOf.TryGetValue(row, out var slot) ? _rowData.AsSpan(slot * _dimension, _dimension) : _zero;

    internal float[] Input { get; }
    internal float[] DInput { get; }
    internal float[] Logits { get; }

    internal Span<float> RowForWrite(int row)
    {
        if (!_slotOf.TryGetValue(row, out var slot))
        {
            slot = _rows.Count;
            if ((slot + 1) * _dimension > _rowData.Length) Array.Resize(ref _rowData, _rowData.Length * 2);
            _rowData.AsSpan(slot * _dimension, _dimension).Clear();
            _slotOf[row] = slot;
            _rows.Add(row);
        }

        return _rowData.AsSpan(slot * _dimension, _dimension);
    }

    internal Span<float> Scratch(ref float[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new float[Math.Max(length, buffer.Length * 2)];
        return buffer.AsSpan(0, length);
    }

    internal void Clear()
    {
        Array.Clear(DWeights);
        Array.Clear(DBias);
        Array.Clear(DPadding);
        _slotOf.Clear();
        _rows.Clear();
    }
}
