using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// Content-hash cache of embeddings, so the same text (under the same embedder and options) is never
/// embedded twice — e.g. when several evaluators of one experiment share a dataset. Bounded by entry
/// count: when full it is emptied, which is crude but keeps memory predictable.
/// </summary>
public sealed class EmbeddingCache(int capacity = 200_000)
{
    private readonly ConcurrentDictionary<string, float[]> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public static string Key(string embedderId, string optionsSignature, string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return $"{embedderId}|{optionsSignature}|{Convert.ToHexString(hash)}";
    }

    public bool TryGet(string key, out float[] vector) => _entries.TryGetValue(key, out vector!);

    public void Add(string key, float[] vector)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[key] = vector;
    }

    public void Clear() => _entries.Clear();
}
