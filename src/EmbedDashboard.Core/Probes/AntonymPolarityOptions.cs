namespace EmbedDashboard.Core.Probes;

/// <summary>Knobs of <see cref="AntonymPolarityProbe"/>; the defaults are what the antonym page shows.</summary>
public sealed record AntonymPolarityOptions
{
    public static AntonymPolarityOptions Default { get; } = new();

    /// <summary>Neighbour-list length for antonym-in-top-k and for the polarity flip rate.</summary>
    public int K { get; init; } = 10;

    /// <summary>Seeds the random pairs, the antonym sample (when capped) and the cross-validation folds.</summary>
    public int Seed { get; init; } = 13;

    /// <summary>Random word pairs drawn from the vocabulary as the "unrelated" baseline.</summary>
    public int RandomPairs { get; init; } = 3000;

    /// <summary>
    /// Cap on antonym pairs whose neighbour ranks are computed (each word costs one pass over the
    /// vocabulary); above it a seeded sample is ranked. Cosines always use every covered pair.
    /// </summary>
    public int MaxRankedPairs { get; init; } = 3000;

    /// <summary>Folds of the stratified cross-validation (fewer when a sign has fewer words).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>L2 penalty of the logistic probe (on standardised features).</summary>
    public double L2 { get; init; } = 1e-3;

    /// <summary>Gradient steps of the logistic probe.</summary>
    public int Iterations { get; init; } = 300;

    /// <summary>Antonym pairs listed as worst offenders.</summary>
    public int WorstOffenders { get; init; } = 25;
}
