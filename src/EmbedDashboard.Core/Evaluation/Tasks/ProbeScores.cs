using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// One probe's scores. Each summary has one value per evaluation unit (a seed, or a seed's fold
/// under k-fold); <see cref="AccuracyPerSeed"/> averages the folds of each seed.
/// <see cref="PerClassF1"/> is the mean over units of each label's F1.
/// </summary>
public sealed record ProbeScores(
    Summary Accuracy,
    Summary MacroF1,
    IReadOnlyList<double> AccuracyPerSeed,
    IReadOnlyDictionary<string, double> PerClassF1);
