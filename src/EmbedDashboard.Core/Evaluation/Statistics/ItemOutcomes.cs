using System.Security.Cryptography;
using System.Text;

namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// What a bootstrap needs of one run: one row per scored test item, in a stable order, from which the primary
/// metric is recomputed on any subset (<see cref="ItemStatistic"/>). A null row is an item the embedder could not
/// cover (OOV), kept so that runs of the same dataset line up item by item. <see cref="ItemSetHash"/> fingerprints
/// the items themselves (content and order), so two runs are paired only when they scored the identical item set.
/// </summary>
public sealed record ItemOutcomes(string Metric, ItemStatistic Statistic, string ItemSetHash, IReadOnlyList<double[]?> Items)
{
    public int Covered => Items.Count(r => r is not null);

    /// <summary>
    /// Classification only: each row's gold and predicted label. Optional and last, so outcomes stored before it
    /// existed still deserialize (as null) and the page can say the run predates per-item predictions.
    /// </summary>
    public ItemPredictions? Predictions { get; init; }

    /// <summary>
    /// A readable form of each row's item (its key's parts joined by " · ", cut to <see cref="ItemPredictions.MaxTextLength"/>
    /// characters: the pair and its gold score, the query and its answer, the sentence), so a result page can list the
    /// items two embedders score most differently. Null in outcomes stored before it existed.
    /// </summary>
    public IReadOnlyList<string>? Descriptions { get; init; }

    /// <param name="itemKeys">One identity string per row (e.g. the item's text and gold); hashed, not stored.</param>
    public static ItemOutcomes Create(string metric, ItemStatistic statistic, IEnumerable<string> itemKeys, IReadOnlyList<double[]?> items)
    {
        ArgumentNullException.ThrowIfNull(itemKeys);
        ArgumentNullException.ThrowIfNull(items);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var descriptions = new List<string>(items.Count);
        foreach (var key in itemKeys)
        {
            // Length-prefixed, so "ab"+"c" and "a"+"bc" differ.
            sha.AppendData(Encoding.UTF8.GetBytes($"{key.Length}:{key}\n"));
            descriptions.Add(ItemPredictions.Snippet(key.Replace("\u001f", " · ", StringComparison.Ordinal)));
        }

        if (descriptions.Count != items.Count) throw new ArgumentException($"{descriptions.Count} item keys for {items.Count} rows.", nameof(itemKeys));
        return new ItemOutcomes(metric, statistic, Convert.ToHexStringLower(sha.GetHashAndReset()), items) { Descriptions = descriptions };
    }

    /// <summary>Key of a pair-like item: its parts joined by a separator no text contains.</summary>
    public static string Key(params object?[] parts) => string.Join('\u001f', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)));
}
