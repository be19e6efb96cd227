namespace EmbedDashboard.Core.Probes;

/// <summary>
/// "What moves most" between two embedders' top-k lists for the same query: the Jaccard overlap
/// |A ∩ B| / |A ∪ B| of the label sets, the labels only one list has, and every label of either list
/// with its rank under both, largest absolute rank change first (labels absent from one index first of all).
/// </summary>
public sealed record PairwiseNeighbourDiff(
    string FirstEmbedderId,
    string SecondEmbedderId,
    double Jaccard,
    int Shared,
    IReadOnlyList<string> OnlyInFirst,
    IReadOnlyList<string> OnlyInSecond,
    IReadOnlyList<NeighbourMove> Moves);
