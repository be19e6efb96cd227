namespace EmbedDashboard.Core.Probes;

/// <summary>
/// Where one label of either top-k list sits for each of two embedders. Ranks are full ranks (the
/// position the label would have with an unlimited k), so a word that drops out of one list shows how
/// far it fell. Null rank and cosine: the label is not in that embedder's index.
/// </summary>
public sealed record NeighbourMove(
    string Label,
    int? RankInFirst,
    int? RankInSecond,
    float? CosineInFirst,
    float? CosineInSecond,
    bool InFirstTopK,
    bool InSecondTopK)
{
    /// <summary>Second rank minus first: positive when the label is further from the query for the second embedder.</summary>
    public int? RankChange => RankInFirst is { } first && RankInSecond is { } second ? second - first : null;
}
