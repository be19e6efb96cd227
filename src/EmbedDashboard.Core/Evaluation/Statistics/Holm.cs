namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// Holm's step-down correction (Holm 1979): sort the m p-values, multiply the i-th smallest by (m − i + 1), carry the
/// running maximum so adjusted values keep the order, cap at 1. Controls the family-wise error rate at α for any
/// dependence between the tests, and rejects at least what Bonferroni rejects. Same as R's p.adjust(p, "holm").
/// </summary>
public static class Holm
{
    /// <returns>Adjusted p-values in the input order; a NaN (no test made) stays NaN and does not count towards m.</returns>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var adjusted = pValues.Select(_ => double.NaN).ToArray();
        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ToArray();
        var m = order.Length;
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var p = pValues[order[rank]];
            if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(pValues), p, "A p-value lies in [0, 1].");
            running = Math.Max(running, Math.Min(1, (m - rank) * p));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
