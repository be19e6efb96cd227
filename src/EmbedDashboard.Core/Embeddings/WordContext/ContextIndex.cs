namespace EmbedDashboard.Core.Embeddings.WordContext;

/// <summary>One occurrence of an entry: the text, the position of its first word, and how many words it spans.</summary>
public readonly record struct ContextOccurrence(int Text, int Position, int Words);

/// <summary>
/// Where each word occurs in a dataset's texts, built once per run or probe: word key → (text, word position) in
/// text order. Only the first <see cref="PostingCap"/> positions of a word are kept, which bounds memory on large
/// corpora (a word needs at most a few dozen occurrences); the texts themselves are held, not copied into tokens.
/// </summary>
public sealed class ContextIndex
{
    public const int PostingCap = 1000;

    private readonly IReadOnlyList<string> _texts;
    private readonly Dictionary<string, List<(int Text, int Position)>> _postings = new(StringComparer.Ordinal);

    /// <param name="texts">The context texts in their stored order; only the first <paramref name="maxTexts"/> are read.</param>
    public ContextIndex(IReadOnlyList<string> texts, int maxTexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _texts = texts.Take(maxTexts).ToList();
        for (var t = 0; t < _texts.Count; t++)
        {
            if (t % 256 == 0) cancellationToken.ThrowIfCancellationRequested();
            var text = _texts[t];
            var spans = ContextTokenizer.Spans(text);
            for (var p = 0; p < spans.Count; p++)
            {
                var key = ContextTokenizer.Key(text.Substring(spans[p].Start, spans[p].Length));
                if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = [];
                if (list.Count < PostingCap) list.Add((t, p));
            }
        }
    }

    public int TextCount => _texts.Count;

    public int DistinctWords => _postings.Count;

    /// <summary>Whether the entry occurs at least once (the analogy vocabulary is restricted to such words).</summary>
    public bool Contains(string entry) => Find(entry, 1).Count > 0;

    /// <summary>
    /// The first <paramref name="max"/> occurrences of the entry in text order (deterministic). A multi-word entry
    /// counts only where its words are contiguous; an entry with no word in it has none.
    /// </summary>
    public IReadOnlyList<ContextOccurrence> Find(string entry, int max)
    {
        var keys = ContextTokenizer.Keys(entry);
        if (keys.Count == 0 || !_postings.TryGetValue(keys[0], out var first)) return [];
        var found = new List<ContextOccurrence>();
        foreach (var (text, position) in first)
        {
            if (found.Count >= max) break;
            if (keys.Count == 1 || Continues(text, position, keys)) found.Add(new ContextOccurrence(text, position, keys.Count));
        }

        return found;
    }

    /// <summary>The occurrence with up to <paramref name="window"/> words each side, and where the entry starts in it.</summary>
    public (IReadOnlyList<string> Words, int Offset) Window(ContextOccurrence occurrence, int window)
    {
        var text = _texts[occurrence.Text];
        var spans = ContextTokenizer.Spans(text);
        var start = Math.Max(0, occurrence.Position - window);
        var end = Math.Min(spans.Count, occurrence.Position + occurrence.Words + window);
        var words = new List<string>(end - start);
        for (var i = start; i < end; i++) words.Add(text.Substring(spans[i].Start, spans[i].Length));
        return (words, occurrence.Position - start);
    }

    private bool Continues(int text, int position, IReadOnlyList<string> keys)
    {
        var value = _texts[text];
        var spans = ContextTokenizer.Spans(value);
        if (position + keys.Count > spans.Count) return false;
        for (var k = 1; k < keys.Count; k++)
        {
            var s = spans[position + k];
            if (!string.Equals(ContextTokenizer.Key(value.Substring(s.Start, s.Length)), keys[k], StringComparison.Ordinal)) return false;
        }

        return true;
    }
}
