using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Core.Projections;

/// <summary>One item's gold label and each embedder's prediction (null: that embedder's run did not predict it).</summary>
public sealed record ItemErrors(string Gold, string? FirstPredicted, string? SecondPredicted)
{
    public bool? FirstRight => FirstPredicted is null ? null : FirstPredicted == Gold;

    public bool? SecondRight => SecondPredicted is null ? null : SecondPredicted == Gold;
}

/// <summary>
/// Lines a projection's items up with two classification runs' stored first-seed predictions. A run keeps each item's
/// text cut to <see cref="ItemPredictions.MaxTextLength"/> characters, not the dataset index (its rows are positions in
/// its own sample), so items are matched by that snippet; a snippet that occurs twice in a run or in the projection's
/// items names no single item and is left out rather than guessed.
/// </summary>
public static class ChurnErrors
{
    /// <param name="textOfItem">Full text of each projection item, by dataset item number.</param>
    public static IReadOnlyDictionary<int, ItemErrors> Match(IReadOnlyDictionary<int, string> textOfItem, ItemPredictions? first, ItemPredictions? second)
    {
        ArgumentNullException.ThrowIfNull(textOfItem);
        var firstBySnippet = BySnippet(first);
        var secondBySnippet = BySnippet(second);
        var itemBySnippet = textOfItem.GroupBy(kv => ItemPredictions.Snippet(kv.Value), StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Key, StringComparer.Ordinal);
        var result = new Dictionary<int, ItemErrors>();
        foreach (var (snippet, item) in itemBySnippet)
        {
            var a = firstBySnippet.GetValueOrDefault(snippet);
            var b = secondBySnippet.GetValueOrDefault(snippet);
            if (a is null && b is null) continue;
            var gold = a is not null ? first!.Labels[a.Gold] : second!.Labels[b!.Gold];
            result[item] = new ItemErrors(gold, a is null ? null : first!.Labels[a.Predicted], b is null ? null : second!.Labels[b.Predicted]);
        }

        return result;
    }

    /// <summary>Predicted items by snippet; items the first seed never tested (Predicted −1) have no prediction to show.</summary>
    private static Dictionary<string, ItemPrediction> BySnippet(ItemPredictions? predictions) => predictions is null
        ? new Dictionary<string, ItemPrediction>(StringComparer.Ordinal)
        : predictions.Items.Where(p => p.Predicted >= 0).GroupBy(p => p.Text, StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
}

/// <summary>Error counts of one group of items scored by both runs.</summary>
public sealed record ChurnErrorCounts(int Items, int FirstWrong, int SecondWrong, int BothWrong);

/// <summary>
/// Are items whose neighbourhood moves more often errors? The compared items with a prediction from both runs, split
/// into the lowest-overlap quarter (by the churn's own order: overlap, then item) and the rest, with each group's errors.
/// </summary>
public sealed record ChurnErrorSummary(ChurnErrorCounts LowestQuarter, ChurnErrorCounts Rest)
{
    public static ChurnErrorSummary Of(ProjectionChurn churn, IReadOnlyDictionary<int, ItemErrors> errors)
    {
        ArgumentNullException.ThrowIfNull(churn);
        ArgumentNullException.ThrowIfNull(errors);
        var scored = churn.Overlaps.Where(o => errors.TryGetValue(o.Item, out var e) && e.FirstRight is not null && e.SecondRight is not null)
            .OrderBy(o => o.Overlap).ThenBy(o => o.Item).Select(o => errors[o.Item]).ToList();
        var low = scored.Count / 4;
        return new ChurnErrorSummary(Count(scored.Take(low)), Count(scored.Skip(low)));
    }

    private static ChurnErrorCounts Count(IEnumerable<ItemErrors> items)
    {
        var list = items.ToList();
        return new ChurnErrorCounts(list.Count, list.Count(e => e.FirstRight == false), list.Count(e => e.SecondRight == false),
            list.Count(e => e.FirstRight == false && e.SecondRight == false));
    }
}
