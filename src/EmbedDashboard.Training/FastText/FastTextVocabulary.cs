using EmbedDashboard.Core.Text;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Training.FastText;

/// <summary>
/// Maps a text to rows of the embedding table: its known words (rows 0..Words-1), then hashed word
/// bigrams and character n-grams in the shared buckets (rows Words..Words+Buckets-1), as fastText.
/// Built from the training texts only. Immutable, so thread-safe.
/// </summary>
public sealed class FastTextVocabulary
{
    private readonly Dictionary<string, int> _index;

    public FastTextVocabulary(IReadOnlyList<string> words, int buckets, bool wordBigrams, bool subwords, int maxWordsPerText)
    {
        Words = words;
        Buckets = buckets;
        WordBigrams = wordBigrams;
        Subwords = subwords;
        MaxWordsPerText = maxWordsPerText;
        _index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++) _index[words[i]] = i;
    }

    public IReadOnlyList<string> Words { get; }
    public int Buckets { get; }
    public bool WordBigrams { get; }
    public bool Subwords { get; }
    public int MaxWordsPerText { get; }

    public int Rows => Words.Count + (WordBigrams || Subwords ? Buckets : 0);

    /// <summary>Words seen at least minCount times in the texts, most frequent first (ties by word), at most maxWords.</summary>
    public static IReadOnlyList<string> CountWords(IEnumerable<string> texts, int minCount, int maxWords, int maxWordsPerText)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in WordTokenizer.Tokenize(text).Take(maxWordsPerText))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return counts.Where(c => c.Value >= minCount)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(maxWords).Select(c => c.Key).ToList();
    }

    public bool TryGetWord(string word, out int row) => _index.TryGetValue(word, out row);

    /// <summary>Rows of a text; unknownWords counts words with no row of their own (subwords may still cover them).</summary>
    public int[] Features(string text, out int words, out int unknownWords)
    {
        var tokens = WordTokenizer.Tokenize(text);
        var count = Math.Min(tokens.Count, MaxWordsPerText);
        var rows = new List<int>(count * 2);
        unknownWords = 0;
        for (var i = 0; i < count; i++)
        {
            AddWord(tokens[i], rows, ref unknownWords);
            if (WordBigrams && i > 0) rows.Add(Bucket(tokens[i - 1] + " " + tokens[i]));
        }

        words = count;
        return [.. rows];
    }

    /// <summary>Rows of one word: its own row (if known) and its character n-grams (if enabled).</summary>
    public int[] WordFeatures(string word)
    {
        var rows = new List<int>(8);
        var unknown = 0;
        AddWord(word.ToLowerInvariant(), rows, ref unknown);
        return [.. rows];
    }

    private void AddWord(string word, List<int> rows, ref int unknownWords)
    {
        if (_index.TryGetValue(word, out var row)) rows.Add(row);
        else unknownWords++;
        if (!Subwords) return;
        var padded = "<" + word + ">";
        for (var n = 3; n <= 5; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                // fastText skips the n-gram that is the whole padded word (it is the word itself).
                if (n == padded.Length) continue;
                rows.Add(Bucket(padded.Substring(start, n)));
            }
        }
    }

    private int Bucket(string key) => Words.Count + (int)(Fnv1a(key) % (uint)Buckets);

    /// <summary>FNV-1a over UTF-16 code units: stable across runs and machines (string.GetHashCode is not).</summary>
    internal static uint Fnv1a(string s)
    {
        var hash = 2166136261u;
        foreach (var c in s)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return hash;
    }
}
