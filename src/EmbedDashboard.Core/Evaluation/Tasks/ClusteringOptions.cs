using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

public sealed record ClusteringOptions
{
    /// <summary>k-means runs with seeds FirstSeed, FirstSeed+1, …; the spread across them is reported.</summary>
    public int Seeds { get; init; } = 5;
    public int FirstSeed { get; init; }

    /// <summary>k-means++ starts per seed, the best by inertia kept (scikit-learn's n_init).</summary>
    public int Restarts { get; init; } = KMeans.DefaultRestarts;
    public int MaxIterations { get; init; } = KMeans.DefaultMaxIterations;

    /// <summary>Stratified down-sample to about this many items before embedding (0 = all).</summary>
    public int MaxItems { get; init; }
    public int SampleSeed { get; init; } = 13;
}
