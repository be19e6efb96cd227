namespace EmbedDashboard.Core.Probes;

/// <summary>
/// For each polar word (AFINN score ≠ 0, in the vocabulary), its top-k neighbours that are polar too:
/// <see cref="OppositeSignNeighbours"/> of those <see cref="PolarNeighbours"/> have the other sign.
/// </summary>
public sealed record PolarityFlipRate(
    int K,
    int PolarWordsTotal,
    int PolarWordsCovered,
    int WordsWithPolarNeighbours,
    int OppositeSignNeighbours,
    int PolarNeighbours)
{
    public double Rate => PolarNeighbours == 0 ? double.NaN : OppositeSignNeighbours / (double)PolarNeighbours;
}
