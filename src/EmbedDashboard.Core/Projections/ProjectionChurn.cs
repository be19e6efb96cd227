namespace EmbedDashboard.Core.Projections;

/// <summary>
/// The neighbour churn stored with a projection: a fact about two embedders as they were when it was computed, so
/// their names and kinds are frozen here (a later rename or deletion does not change what the result says).
/// Item numbers are the dataset item indices of <c>ProjectedPoint.Item</c>.
/// </summary>
/// <param name="Items">Items compared: the projection's points that have a vector under both embedders.</param>
/// <param name="Excluded">The projection's points left out because the second embedder gave no vector (or a zero one).</param>
/// <param name="Histogram">Histogram[s] = items sharing exactly s of their K neighbours.</param>
/// <param name="Overlaps">Every compared item's overlap, in item order.</param>
/// <param name="MostMoved">The lowest-overlap items (ties by item), with their nearest neighbours under each embedder.</param>
public sealed record ProjectionChurn(
    ChurnEmbedder First,
    ChurnEmbedder Second,
    int RequestedK,
    int K,
    int Items,
    int Excluded,
    double MeanOverlap,
    IReadOnlyList<int> Histogram,
    IReadOnlyList<ItemOverlap> Overlaps,
    IReadOnlyList<MovedItem> MostMoved)
{
    /// <summary>How many of the lowest-overlap items keep their neighbour lists (the page shows a table, not thousands).</summary>
    public const int MaxMoved = 100;

    /// <summary>Neighbours kept per moved item and embedder (a few are enough to see the change).</summary>
    public const int MaxNeighboursShown = 5;

    /// <summary>The stored form of <paramref name="result"/>, whose row r is dataset item <paramref name="itemOfRow"/>[r].</summary>
    public static ProjectionChurn From(NeighbourChurnResult result, IReadOnlyList<int> itemOfRow, ChurnEmbedder first, ChurnEmbedder second, int excluded)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(itemOfRow);
        if (itemOfRow.Count != result.N) throw new ArgumentException($"{itemOfRow.Count} item numbers for {result.N} rows.", nameof(itemOfRow));
        int[] Items(ReadOnlySpan<int> rows)
        {
            var take = Math.Min(MaxNeighboursShown, rows.Length);
            var items = new int[take];
            for (var t = 0; t < take; t++) items[t] = itemOfRow[rows[t]];
            return items;
        }

        var moved = result.MostMoved.Take(MaxMoved)
            .Select(r => new MovedItem(itemOfRow[r], result.Overlap[r], Items(result.FirstOf(r)), Items(result.SecondOf(r)))).ToList();
        var overlaps = Enumerable.Range(0, result.N).Select(r => new ItemOverlap(itemOfRow[r], result.Overlap[r])).ToList();
        return new ProjectionChurn(first, second, result.RequestedK, result.K, result.N, excluded, result.MeanOverlap, result.Histogram, overlaps, moved);
    }
}

/// <summary>An embedder as it was when the churn was computed.</summary>
public sealed record ChurnEmbedder(string Id, string Name, string Kind, bool IsGeneral, string ModelSha256);

public sealed record ItemOverlap(int Item, double Overlap);

/// <param name="FirstNeighbours">Item numbers of its nearest neighbours under the first embedder, nearest first.</param>
public sealed record MovedItem(int Item, double Overlap, IReadOnlyList<int> FirstNeighbours, IReadOnlyList<int> SecondNeighbours);
