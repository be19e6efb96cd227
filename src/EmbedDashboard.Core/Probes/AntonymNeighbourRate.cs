namespace EmbedDashboard.Core.Probes;

/// <summary>
/// How often an antonym is a near neighbour. Pairs are unordered and de-duplicated ((a, b) = (b, a);
/// a = b dropped): <see cref="PairsTotal"/> of them, <see cref="PairsCovered"/> with both words in
/// the vocabulary, <see cref="PairsRanked"/> of those ranked (all, unless capped). rank(a → b) is b's
/// 1-based position among a's neighbours (a itself excluded, ties by vocabulary order), so
/// b is in a's top-k exactly when rank(a → b) ≤ k.
/// </summary>
public sealed record AntonymNeighbourRate(
    int K,
    int PairsTotal,
    int PairsCovered,
    int PairsRanked,
    int HitsEitherDirection,
    int HitsBothDirections,
    int DirectedHits)
{
    /// <summary>The headline: share of ranked pairs where rank(a → b) ≤ k or rank(b → a) ≤ k.</summary>
    public double Rate => PairsRanked == 0 ? double.NaN : HitsEitherDirection / (double)PairsRanked;

    /// <summary>Share of ranked pairs where each word is in the other's top-k.</summary>
    public double BothDirectionsRate => PairsRanked == 0 ? double.NaN : HitsBothDirections / (double)PairsRanked;

    /// <summary>Share of the 2 × ranked directed lookups (a → b and b → a) that hit.</summary>
    public double DirectedRate => PairsRanked == 0 ? double.NaN : DirectedHits / (2.0 * PairsRanked);

    public double Coverage => PairsTotal == 0 ? double.NaN : PairsCovered / (double)PairsTotal;
}
