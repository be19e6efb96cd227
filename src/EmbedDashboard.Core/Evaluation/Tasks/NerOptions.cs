using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

public sealed record NerOptions
{
    /// <summary>Down-sample to about this many sentences, keeping the split shares (0 = all).</summary>
    public int MaxSentences { get; init; }

    /// <summary>Seed of the down-sample and of the sentence split used when the data has no test split.</summary>
    public int Seed { get; init; } = 13;

    /// <summary>Share of sentences held out for scoring when the data has no test split.</summary>
    public double TestFraction { get; init; } = 0.3;

    public double L2 { get; init; } = LogisticRegression.DefaultL2;
    public int MaxIterations { get; init; } = LogisticRegression.DefaultMaxIterations;
}
