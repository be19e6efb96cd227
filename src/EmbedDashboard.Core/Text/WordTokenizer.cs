using System.Text.RegularExpressions;

namespace EmbedDashboard.Core.Text;

/// <summary>
/// Lower-cased runs of letters/digits. An apostrophe between two such runs stays inside the word
/// ("don't", "o'brien", "rock'n'roll"; the typographic ’ counts as one); leading and trailing ones are
/// quotes and go. Whether "don't" is then looked up as is or as "dont" is the vocabulary's business
/// (the static embedder's), not the tokenizer's.
/// </summary>
public static partial class WordTokenizer
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static IReadOnlyList<string> Tokenize(string text) =>
        Word().Matches(text.ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value).ToList();
}
