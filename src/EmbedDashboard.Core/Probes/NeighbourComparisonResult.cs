namespace EmbedDashboard.Core.Probes;

/// <summary>Side-by-side top-k lists (in the order the embedders were given) and a diff for every pair of lists that exist.</summary>
public sealed record NeighbourComparisonResult(int K, IReadOnlyList<NeighbourList> Lists, IReadOnlyList<PairwiseNeighbourDiff> Pairs);
