using EmbedDashboard.Core.Embeddings.WordContext;

namespace EmbedDashboard.Web.Components.WordContext;

/// <summary>
/// The word-vector mode in a probe page's address (ctx = context dataset name, occ = occurrences per word), so the
/// address — and a share link, which freezes it — reproduces the mode. No ctx: each word alone.
/// </summary>
public static class WordContextQuery
{
    public const string DatasetKey = "ctx";
    public const string OccurrencesKey = "occ";

    public static WordContextOptions Parse(string? dataset, int? occurrences) => string.IsNullOrWhiteSpace(dataset)
        ? WordContextOptions.Alone
        : new WordContextOptions
        {
            Mode = WordVectorMode.InContext,
            Dataset = dataset,
            MaxOccurrences = occurrences is > 0 and <= 1000 ? occurrences.Value : new WordContextOptions().MaxOccurrences,
        };

    /// <summary>The query entries for the mode; null values remove the keys (alone).</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Entries(WordContextOptions options) =>
    [
        new(DatasetKey, options.InContext ? options.Dataset : null),
        new(OccurrencesKey, options.InContext ? options.MaxOccurrences : null),
    ];

    /// <summary>What a probe's result says about its mode.</summary>
    public static string Describe(WordContextOptions options) => options.InContext
        ? $"words in context of '{options.Dataset}' (mean of each word's first {options.MaxOccurrences} occurrence(s); static vectors stay alone)"
        : "each word alone";
}
