namespace EmbedDashboard.Core.Probes;

/// <summary>Cosines of one kind of word pair (antonym, synonym, random), every value kept for a box or histogram plot.</summary>
public sealed record CosineDistribution(string Relation, int PairsTotal, int PairsCovered, IReadOnlyList<float> Cosines)
{
    public double Mean => Cosines.Count == 0 ? double.NaN : Cosines.Average(c => (double)c);

    /// <summary>Sample standard deviation (0 for fewer than two pairs).</summary>
    public double Std
    {
        get
        {
            if (Cosines.Count < 2) return 0;
            var mean = Mean;
            return Math.Sqrt(Cosines.Sum(c => (c - mean) * (c - mean)) / (Cosines.Count - 1));
        }
    }

    public double Coverage => PairsTotal == 0 ? double.NaN : PairsCovered / (double)PairsTotal;
}
