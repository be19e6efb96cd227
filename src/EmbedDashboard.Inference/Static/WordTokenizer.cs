using System.Text.RegularExpressions;

namespace EmbedDashboard.Inference.Static;

/// <summary>Lower-cased runs of letters/digits: close enough to how GloVe's corpus was tokenised for lookup.</summary>
public static partial class WordTokenizer
{
    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static IReadOnlyList<string> Tokenize(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
}
