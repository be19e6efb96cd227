using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

public sealed record ClassificationOptions
{
    /// <summary>Repetitions with seeds FirstSeed, FirstSeed+1, …; their spread is the error bar.</summary>
    public int Seeds { get; init; } = 5;
    public int FirstSeed { get; init; }

    /// <summary>Folds per seed when the items have no train/test split (repeated stratified k-fold).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// With a train/test split: the share of the train split each seed trains on (a stratified
    /// subsample). At 1 every seed would train on the same rows, and both probes are deterministic,
    /// so the probes run once.
    /// </summary>
    public double TrainFraction { get; init; } = 1;

    /// <summary>Neighbours of the kNN probe.</summary>
    public int KnnK { get; init; } = 10;

    /// <summary>L2 penalty of the logistic probe, on the mean loss over standardised features.</summary>
    public double L2 { get; init; } = LogisticRegression.DefaultL2;
    public int MaxIterations { get; init; } = LogisticRegression.DefaultMaxIterations;

    /// <summary>Stratified (label × split) down-sample to about this many items before embedding (0 = all).</summary>
    public int MaxItems { get; init; }
    public int SampleSeed { get; init; } = 13;

    /// <summary>Also k-means the same embeddings (k = number of labels); null to skip.</summary>
    public ClusteringOptions? Clustering { get; init; } = new();
}
