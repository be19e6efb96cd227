using System.Text.RegularExpressions;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// A simple rule-based sentence splitter for QA contexts: a sentence ends at ., ! or ? (plus any
/// closing quotes or brackets) followed by white space and a character that can start a sentence,
/// unless the period ends a common abbreviation or an initial ("Dr.", "e.g.", "J."); a blank line
/// always ends one. Good enough to locate the sentence holding an answer; not a linguistic tool.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "e.g", "i.e", "cf", "no", "fig", "approx", "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    public static IReadOnlyList<SentenceSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<SentenceSpan>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(text))
        {
            var after = boundary.Index + boundary.Length;
            if (boundary.Groups["end"].Success && !EndsSentence(text, boundary.Groups["end"].Index, after)) continue;
            Add(sentences, text, start, boundary.Index + (boundary.Groups["end"].Success ? boundary.Groups["end"].Length : 0));
            start = after;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool EndsSentence(string text, int punctuation, int next)
    {
        // Lower case (or nothing) next: "e.g. the", "3.5 m. high" continue the sentence.
        if (next >= text.Length || char.IsLower(text[next])) return false;
        if (text[punctuation] != '.' || (punctuation + 1 < text.Length && text[punctuation + 1] == '.')) return true;
        var wordStart = punctuation;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.')) wordStart--;
        var word = text[wordStart..punctuation];
        var isInitial = word.Length == 1 && char.IsUpper(word[0]);
        return !isInitial && !Abbreviations.Contains(word);
    }

    private static void Add(List<SentenceSpan> sentences, string text, int from, int to)
    {
        var segment = text[from..to];
        var trimmed = segment.TrimStart();
        var leading = segment.Length - trimmed.Length;
        trimmed = trimmed.TrimEnd();
        if (trimmed.Length > 0) sentences.Add(new SentenceSpan(from + leading, trimmed));
    }

    /// <summary>End punctuation with closing quotes/brackets then white space, or a blank line.</summary>
    [GeneratedRegex(@"(?<end>[.!?]+[""'”’)\]]*)\s+|\n[ \t]*\n\s*")]
    private static partial Regex Boundary();
}
