using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Probes;

/// <summary>
/// Stratified k-fold accuracy of a linear probe predicting the AFINN sign from the word vector, beside
/// the majority-class baseline (the share of the larger sign: what always guessing it scores).
/// <see cref="Problem"/> says why there is no estimate (too few words of one sign).
/// </summary>
public sealed record PolaritySeparability(
    int Folds,
    int Words,
    int Positive,
    int Negative,
    Summary Accuracy,
    double MajorityBaseline,
    string? Problem)
{
    public double Mean => Accuracy.Mean;

    public double Std => Accuracy.Std;
}
