using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EmbedDashboard.Inference.Store;

namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// Content-hash cache of embeddings, so the same text (under the same embedder and options) is never
/// embedded twice — e.g. when several evaluators of one experiment share a dataset. Bounded by an
/// approximate byte budget with two generations: new entries go into the young one; when it reaches half
/// the budget the old one is dropped and the young one becomes old. A hit in the old generation is
/// promoted, so texts in use survive (an LRU approximation with no per-hit bookkeeping). Thread-safe.
/// With an <see cref="EmbeddingStore"/> it is the memory tier in front of the disk: a miss here is looked up there, and
/// what the model computes is written there too, so a vector is computed once per model file and options, across restarts.
/// This is the one place every embedding path (runs, probes, projections, training evaluation) goes through.
/// </summary>
public sealed class EmbeddingCache : IDisposable
{
    /// <summary>Default budget: about 170k MiniLM vectors (384 floats each).</summary>
    public const long DefaultMaxBytes = 256L << 20;

    private const int EntryOverheadBytes = 96; // dictionary node, array header, key object

    private readonly long _maxBytes;
    private readonly Lock _rotate = new();
    private volatile ConcurrentDictionary<string, float[]> _young = new(StringComparer.Ordinal);
    private volatile ConcurrentDictionary<string, float[]> _old = new(StringComparer.Ordinal);
    private long _youngBytes;

    private readonly EmbeddingStore? _store;

    /// <param name="store">The persistent tier, owned (disposed) by this cache; null = memory only.</param>
    public EmbeddingCache(long maxBytes = DefaultMaxBytes, EmbeddingStore? store = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        _maxBytes = maxBytes;
        _store = store;
    }

    public EmbeddingStore? Store => _store;

    /// <summary>A cache that stores nothing (benchmarks: every call really runs the model).</summary>
    public static EmbeddingCache Disabled() => new(0);

    public bool Enabled => _maxBytes > 0 || _store is not null;

    /// <summary>Entries held now (the two generations may briefly share a promoted entry).</summary>
    public int Count => _young.Count + _old.Count;

    /// <summary>"embedder|options|SHA-256(UTF-8 text)": texts of any length give short keys, and equal keys mean equal input.</summary>
    public static string Key(string embedderId, string optionsSignature, string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return $"{embedderId}|{optionsSignature}|{Convert.ToHexString(hash)}";
    }

    /// <summary>The cached vector; callers must not modify it (it is shared).</summary>
    public bool TryGet(string key, out float[] vector)
    {
        if (_young.TryGetValue(key, out vector!))
        {
            return true;
        }

        if (_old.TryGetValue(key, out vector!))
        {
            Add(key, vector);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Memory first, then (when <paramref name="persistent"/>: the key names a model file by its SHA-256) the store;
    /// a vector found on disk is kept in memory too. The vector is shared: callers must not modify it.
    /// </summary>
    public bool TryGet(string key, int dimension, bool persistent, out float[] vector)
    {
        if (TryGet(key, out vector))
        {
            return true;
        }

        if (!persistent || _store is null || !_store.TryGet(EmbeddingKey.Of(key), dimension, out vector))
        {
            return false;
        }

        Add(key, vector);
        return true;
    }

    /// <summary>Writes computed vectors to the store (one append for the batch); a no-op without one.</summary>
    public void Persist(IReadOnlyList<(string Key, float[] Vector)> computed)
    {
        if (_store is null || computed.Count == 0)
        {
            return;
        }

        _store.AddRange(computed.Select(c => (EmbeddingKey.Of(c.Key), c.Vector)).ToList());
    }

    public void Dispose() => _store?.Dispose();

    public void Add(string key, float[] vector)
    {
        if (_maxBytes == 0 || !_young.TryAdd(key, vector))
        {
            return;
        }

        var size = Interlocked.Add(ref _youngBytes, (long)vector.Length * sizeof(float) + key.Length * sizeof(char) + EntryOverheadBytes);
        if (size > _maxBytes / 2)
        {
            lock (_rotate)
            {
                if (Interlocked.Read(ref _youngBytes) > _maxBytes / 2)
                {
                    _old = _young;
                    _young = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
                    Interlocked.Exchange(ref _youngBytes, 0);
                }
            }
        }
    }

    public void Clear()
    {
        lock (_rotate)
        {
            _young = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
            _old = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
            Interlocked.Exchange(ref _youngBytes, 0);
        }
    }
}
