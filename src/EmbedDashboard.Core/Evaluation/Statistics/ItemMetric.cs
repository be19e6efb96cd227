using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>Recomputes a primary metric from the rows picked by an index list (a subset, or a resample with repeats).</summary>
public static class ItemMetric
{
    public static double Compute(ItemStatistic statistic, IReadOnlyList<double[]> rows, ReadOnlySpan<int> picks)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (picks.Length == 0) return double.NaN;
        switch (statistic)
        {
            case ItemStatistic.Mean:
            {
                var sum = 0.0;
                foreach (var i in picks) sum += rows[i][0];
                return sum / picks.Length;
            }

            case ItemStatistic.Spearman:
            {
                var x = new double[picks.Length];
                var y = new double[picks.Length];
                for (var k = 0; k < picks.Length; k++)
                {
                    x[k] = rows[picks[k]][0];
                    y[k] = rows[picks[k]][1];
                }

                return picks.Length < 2 ? double.NaN : RankCorrelation.Spearman(x, y);
            }

            case ItemStatistic.EntityF1:
            {
                // Summed counts, not a mean of per-sentence F1s: F1 is not additive over sentences.
                double correct = 0, predicted = 0, gold = 0;
                foreach (var i in picks)
                {
                    correct += rows[i][0];
                    predicted += rows[i][1];
                    gold += rows[i][2];
                }

                return predicted + gold == 0 ? 0 : 2 * correct / (predicted + gold);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "No recomputation is defined for this statistic.");
        }
    }

    /// <summary>The metric over all the rows.</summary>
    public static double Compute(ItemStatistic statistic, IReadOnlyList<double[]> rows) =>
        Compute(statistic, rows, Enumerable.Range(0, rows.Count).ToArray());
}
