using EmbedDashboard.Training.FastText;

namespace EmbedDashboard.Training.Tagger;

/// <summary>
/// Maps one word to rows of the tagger's embedding table: its own row (rows 0..Words-1, words seen
/// at least minCount times in the training sentences) and its hashed character 3–5-grams of "&lt;word&gt;"
/// (rows Words..Words+Buckets-1, FNV-1a as <see cref="FastTextVocabulary"/>). A word's vector is the
/// mean of those rows, so an unseen word still gets one from its n-grams. Immutable, so thread-safe.
/// </summary>
public sealed class TaggerVocabulary
{
    private readonly Dictionary<string, int> _index;

    public TaggerVocabulary(IReadOnlyList<string> words, int buckets, bool lowerCase)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfNegative(buckets);
        Words = words;
        Buckets = buckets;
        LowerCase = lowerCase;
        _index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (!_index.TryAdd(words[i], i)) throw new ArgumentException($"The word '{words[i]}' is listed twice.", nameof(words));
        }
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Hash buckets for character n-grams; 0 turns subwords off (unseen words then have no rows).</summary>
    public int Buckets { get; }

    /// <summary>Words are lower-cased before lookup and hashing. Off by default for NER, where case is a strong cue.</summary>
    public bool LowerCase { get; }

    public int Rows => Words.Count + Buckets;

    /// <summary>Words seen at least minCount times (after the case rule), most frequent first (ties by word), at most maxWords.</summary>
    public static IReadOnlyList<string> CountWords(IEnumerable<IReadOnlyList<string>> sentences, int minCount, int maxWords, bool lowerCase)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var token in sentence)
            {
                var word = Normalise(token, lowerCase);
                if (word.Length > 0) counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return counts.Where(c => c.Value >= minCount)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(maxWords).Select(c => c.Key).ToList();
    }

    public string Normalise(string word) => Normalise(word, LowerCase);

    public bool IsKnown(string word) => _index.ContainsKey(Normalise(word));

    /// <summary>
    /// The rows of one word: its own row (if known), then one bucket per character 3–5-gram of "&lt;word&gt;".
    /// Unlike fastText, the n-gram that is the whole padded word is kept, so a one-letter word ("&lt;a&gt;")
    /// still has a row; only a word with no characters has none.
    /// </summary>
    public int[] WordRows(string word)
    {
        word = Normalise(word);
        if (word.Length == 0) return [];
        var rows = new List<int>(16);
        if (_index.TryGetValue(word, out var row)) rows.Add(row);
        if (Buckets == 0) return [.. rows];
        var padded = "<" + word + ">";
        for (var n = 3; n <= 5; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++) rows.Add(Words.Count + (int)(FastTextVocabulary.Fnv1a(padded.Substring(start, n)) % (uint)Buckets));
        }

        return [.. rows];
    }

    /// <summary>Rows of every word of a sentence; repeated words share one array (they are never written to).</summary>
    public int[][] Encode(IReadOnlyList<string> tokens, Dictionary<string, int[]>? cache = null)
    {
        var encoded = new int[tokens.Count][];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (cache is null) encoded[i] = WordRows(tokens[i]);
            else if (!cache.TryGetValue(tokens[i], out encoded[i]!)) cache[tokens[i]] = encoded[i] = WordRows(tokens[i]);
        }

        return encoded;
    }

    private static string Normalise(string word, bool lowerCase) => lowerCase ? word.ToLowerInvariant() : word;
}
