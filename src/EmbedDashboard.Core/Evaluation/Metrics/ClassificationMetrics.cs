namespace EmbedDashboard.Core.Evaluation.Metrics;

public static class ClassificationMetrics
{
    public static double Accuracy(IReadOnlyList<int> truth, IReadOnlyList<int> predicted) =>
        truth.Count == 0 ? double.NaN : truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Count;

    /// <summary>Unweighted mean of per-class F1 over the classes present in truth or predictions.</summary>
    public static double MacroF1(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        var classes = truth.Concat(predicted).Distinct().ToList();
        return classes.Average(c =>
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                if (predicted[i] == c && truth[i] == c) tp++;
                else if (predicted[i] == c) fp++;
                else if (truth[i] == c) fn++;
            }

            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        });
    }
}
