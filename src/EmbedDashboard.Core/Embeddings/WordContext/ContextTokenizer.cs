using System.Text.RegularExpressions;

namespace EmbedDashboard.Core.Embeddings.WordContext;

/// <summary>
/// Splits texts and word entries the same way, so an entry matches its occurrences: runs of letters and digits,
/// joined by an inner apostrophe or hyphen ("don't", "ice-cream" are one word). Matching is case-insensitive.
/// </summary>
public static partial class ContextTokenizer
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>Start and length of every word in the text, in order.</summary>
    public static IReadOnlyList<(int Start, int Length)> Spans(string text)
    {
        var spans = new List<(int, int)>();
        foreach (Match m in WordPattern().Matches(text)) spans.Add((m.Index, m.Length));
        return spans;
    }

    /// <summary>The matching key of a word: lower case, invariant culture.</summary>
    public static string Key(string word) => word.ToLowerInvariant();

    /// <summary>An entry's words as keys ("New York" → new, york).</summary>
    public static IReadOnlyList<string> Keys(string entry) => Spans(entry).Select(s => Key(entry.Substring(s.Start, s.Length))).ToList();
}
