using System.Globalization;

namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>
/// Word-similarity files (`w1 w2 score`, tabs or spaces, as in WS-353/MEN/RG-65) and SemEval STS files
/// (`score<TAB>s1<TAB>s2`, an empty score meaning "no gold": kept with a null score and counted).
/// </summary>
public static class ScoredPairImporter
{
    public static ImportResult<ScoredPair> ImportWordPairs(Stream stream, string fileName)
    {
        var items = new List<ScoredPair>();
        foreach (var (number, line) in TextLines.Read(stream, fileName))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                throw new DatasetFormatException(fileName, number, $"expected 3 fields (word, word, score), found {parts.Length}.");
            }

            if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                if (items.Count == 0) continue; // a header line such as "word1 word2 score"
                throw new DatasetFormatException(fileName, number, $"score '{parts[2]}' is not a number.");
            }

            items.Add(new ScoredPair(parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant(), score));
        }

        TextLines.RequireItems(items, fileName);
        return ImportResult<ScoredPair>.Of(items);
    }

    public static ImportResult<ScoredPair> ImportSts(Stream stream, string fileName)
    {
        var items = new List<ScoredPair>();
        var noGold = 0;
        foreach (var (number, line) in TextLines.Read(stream, fileName))
        {
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length < 3)
            {
                throw new DatasetFormatException(fileName, number, $"expected score<TAB>sentence1<TAB>sentence2, found {parts.Length} field(s).");
            }

            double? score = null;
            if (parts[0].Trim().Length > 0)
            {
                if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new DatasetFormatException(fileName, number, $"score '{parts[0]}' is not a number.");
                }

                score = value;
            }
            else
            {
                noGold++;
            }

            items.Add(new ScoredPair(parts[1], parts[2], score));
        }

        TextLines.RequireItems(items, fileName);
        return new ImportResult<ScoredPair>(items, noGold, noGold > 0 ? [$"{noGold} line(s) have no gold score; they are kept but not scored."] : []);
    }

    /// <summary>SICK: tab-separated with a header naming sentence_A, sentence_B and relatedness_score.</summary>
    public static ImportResult<ScoredPair> ImportSick(Stream stream, string fileName)
    {
        var items = new List<ScoredPair>();
        int a = -1, b = -1, score = -1;
        foreach (var (number, line) in TextLines.Read(stream, fileName))
        {
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            if (a < 0)
            {
                a = Array.IndexOf(parts, "sentence_A");
                b = Array.IndexOf(parts, "sentence_B");
                score = Array.IndexOf(parts, "relatedness_score");
                if (a < 0 || b < 0 || score < 0)
                {
                    throw new DatasetFormatException(fileName, number, "header must name sentence_A, sentence_B and relatedness_score.");
                }

                continue;
            }

            if (parts.Length <= Math.Max(a, Math.Max(b, score)))
            {
                throw new DatasetFormatException(fileName, number, $"expected at least {Math.Max(a, Math.Max(b, score)) + 1} tab-separated fields, found {parts.Length}.");
            }

            if (!double.TryParse(parts[score], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new DatasetFormatException(fileName, number, $"relatedness_score '{parts[score]}' is not a number.");
            }

            items.Add(new ScoredPair(parts[a], parts[b], value));
        }

        TextLines.RequireItems(items, fileName);
        return ImportResult<ScoredPair>.Of(items);
    }
}
