namespace EmbedDashboard.Core.Probes;

/// <summary>Everything <see cref="AntonymPolarityProbe"/> measures for one embedder, with the counts behind each figure.</summary>
public sealed record AntonymPolarityReport(
    int K,
    AntonymNeighbourRate AntonymNeighbours,
    CosineDistribution AntonymPairs,
    CosineDistribution SynonymPairs,
    CosineDistribution RandomPairs,
    PolarityFlipRate PolarityFlips,
    PolaritySeparability Separability,
    IReadOnlyList<AntonymOffender> WorstOffenders)
{
    // Flat shorthands for table rows (the antonym page binds to these names).
    public double AntonymInTopK => AntonymNeighbours.Rate;

    public int AntonymPairsCovered => AntonymNeighbours.PairsCovered;

    public int AntonymPairsTotal => AntonymNeighbours.PairsTotal;

    public IReadOnlyList<float> AntonymCosines => AntonymPairs.Cosines;

    public IReadOnlyList<float> SynonymCosines => SynonymPairs.Cosines;

    public IReadOnlyList<float> RandomCosines => RandomPairs.Cosines;

    public int FlipNumerator => PolarityFlips.OppositeSignNeighbours;

    public int FlipDenominator => PolarityFlips.PolarNeighbours;

    public double FlipRate => PolarityFlips.Rate;

    public int PolarWordsCovered => PolarityFlips.PolarWordsCovered;

    public double MajorityBaseline => Separability.MajorityBaseline;
}
