namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>Accuracy and F1 over integer class ids (same definitions as scikit-learn).</summary>
public static class ClassificationMetrics
{
    public static double Accuracy(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        CheckLengths(truth, predicted);
        if (truth.Count == 0) return double.NaN;
        var correct = 0;
        for (var i = 0; i < truth.Count; i++) if (truth[i] == predicted[i]) correct++;
        return correct / (double)truth.Count;
    }

    /// <summary>
    /// F1 of each class id 0..classes−1. A class that is neither in the truth nor predicted has no
    /// F1 (NaN) rather than 0, so it does not drag the macro average down; a class that is present
    /// but never correctly predicted scores 0 (scikit-learn's zero_division=0).
    /// </summary>
    public static double[] PerClassF1(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        CheckLengths(truth, predicted);
        var tp = new int[classes];
        var fp = new int[classes];
        var fn = new int[classes];
        for (var i = 0; i < truth.Count; i++)
        {
            if (truth[i] == predicted[i])
            {
                tp[truth[i]]++;
            }
            else
            {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }

        var f1 = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            var denominator = 2.0 * tp[c] + fp[c] + fn[c];
            f1[c] = denominator == 0 ? double.NaN : 2.0 * tp[c] / denominator;
        }

        return f1;
    }

    /// <summary>Unweighted mean of per-class F1 over the classes present in the truth or the predictions (scikit-learn's average="macro").</summary>
    public static double MacroF1(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        CheckLengths(truth, predicted);
        if (truth.Count == 0) return double.NaN;
        var classes = Math.Max(truth.Max(), predicted.Max()) + 1;
        var present = PerClassF1(truth, predicted, classes).Where(f => !double.IsNaN(f)).ToList();
        return present.Average();
    }

    private static void CheckLengths(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count) throw new ArgumentException($"Truth has {truth.Count} labels, predictions {predicted.Count}.", nameof(predicted));
    }
}
