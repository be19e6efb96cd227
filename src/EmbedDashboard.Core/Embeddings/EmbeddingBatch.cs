namespace EmbedDashboard.Core.Embeddings;

/// <summary>
/// A row-major matrix of embeddings plus what it cost to compute. Rows whose input had no known
/// token (static vectors) are zero and flagged in <see cref="Missing"/>, so evaluators can count
/// coverage instead of silently dropping items.
/// </summary>
public sealed class EmbeddingBatch
{
    public EmbeddingBatch(float[] data, int count, int dimension, bool[] missing, EmbeddingStats stats)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(missing);
        if (data.Length != count * dimension)
        {
            throw new ArgumentException($"Expected {count}x{dimension} floats, got {data.Length}.", nameof(data));
        }

        if (missing.Length != count)
        {
            throw new ArgumentException($"Expected {count} missing flags, got {missing.Length}.", nameof(missing));
        }

        Data = data;
        Count = count;
        Dimension = dimension;
        Missing = missing;
        Stats = stats;
    }

    public float[] Data { get; }
    public int Count { get; }
    public int Dimension { get; }
    public bool[] Missing { get; }
    public EmbeddingStats Stats { get; }

    public ReadOnlySpan<float> Row(int index) => Data.AsSpan(index * Dimension, Dimension);

    public int MissingCount => Missing.Count(static m => m);
}

/// <summary>Cost of one embedding call: what the efficiency charts are built from.</summary>
public sealed record EmbeddingStats(
    int Texts,
    long Tokens,
    long UnknownTokens,
    int Batches,
    TimeSpan Elapsed,
    int CacheHits)
{
    public static EmbeddingStats Empty { get; } = new(0, 0, 0, 0, TimeSpan.Zero, 0);

    public double TextsPerSecond => Elapsed > TimeSpan.Zero ? Texts / Elapsed.TotalSeconds : 0;
    public double TokensPerSecond => Elapsed > TimeSpan.Zero ? Tokens / Elapsed.TotalSeconds : 0;
    public double MsPerBatch => Batches > 0 ? Elapsed.TotalMilliseconds / Batches : 0;
    public double OovRate => Tokens > 0 ? (double)UnknownTokens / Tokens : 0;

    public EmbeddingStats Add(EmbeddingStats other) => new(
        Texts + other.Texts,
        Tokens + other.Tokens,
        UnknownTokens + other.UnknownTokens,
        Batches + other.Batches,
        Elapsed + other.Elapsed,
        CacheHits + other.CacheHits);
}
