using System.Globalization;
using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// Item by item for the tasks without class predictions (similarity, retrieval, QA, analogy, NER): each item's own
/// score under each run, put on a scale where higher is better, and the items where one run beats the other by most.
/// </summary>
/// <remarks>
/// Per statistic: a mean metric's row is the item's score (reciprocal rank, hit, right/wrong); an entity-F1 row is one
/// sentence's counts, scored as its own F1 (1 when it has no gold and no predicted entity); a Spearman row is (cosine,
/// gold), scored as minus the distance between the item's percentile rank by cosine and by gold among the items both
/// runs cover — the pairs whose similarity one embedder ranks where people do and the other does not.
/// </remarks>
public static class ItemDifferences
{
    public const string PredatesDescriptions = "These runs predate per-item descriptions; re-run to see the items.";

    internal static ItemDifferenceLists Build(ItemOutcomes first, ItemOutcomes second, int cap)
    {
        var texts = first.Descriptions ?? second.Descriptions;
        var both = Enumerable.Range(0, first.Items.Count).Where(i => first.Items[i] is not null && second.Items[i] is not null).ToList();
        var (a, aText) = Scores(first, both);
        var (b, bText) = Scores(second, both);
        var differences = both.Select((item, k) => new ItemDifference(item, texts?[item] ?? $"item {item + 1}", aText[k], bText[k], a[k] - b[k])).ToList();
        // Exact ties are neither run's win; a float tolerance keeps rounding noise out of both lists.
        var firstBetter = differences.Where(d => d.Difference > 1e-9).OrderByDescending(d => d.Difference).ThenBy(d => d.Index).ToList();
        var secondBetter = differences.Where(d => d.Difference < -1e-9).OrderBy(d => d.Difference).ThenBy(d => d.Index).ToList();
        return new ItemDifferenceLists(Measure(first), both.Count, firstBetter.Take(cap).ToList(), firstBetter.Count, secondBetter.Take(cap).ToList(), secondBetter.Count);
    }

    private static string Measure(ItemOutcomes o) => o.Statistic switch
    {
        ItemStatistic.Spearman => "cosine (its percentile rank | the gold score's)",
        ItemStatistic.EntityF1 => "the sentence's entity F1 (correct / predicted / gold)",
        _ => o.Metric,
    };

    private static (double[] Score, string[] Text) Scores(ItemOutcomes o, IReadOnlyList<int> items)
    {
        var rows = items.Select(i => o.Items[i]!).ToList();
        switch (o.Statistic)
        {
            case ItemStatistic.Spearman:
            {
                var byScore = PercentRanks(rows.Select(r => r[0]).ToList());
                var byGold = PercentRanks(rows.Select(r => r[1]).ToList());
                return (byScore.Select((r, k) => -Math.Abs(r - byGold[k])).ToArray(),
                    rows.Select((r, k) => F($"{r[0]:0.000} ({100 * byScore[k]:0} % | {100 * byGold[k]:0} %)")).ToArray());
            }
            case ItemStatistic.EntityF1:
                return (rows.Select(r => r[1] + r[2] == 0 ? 1 : 2 * r[0] / (r[1] + r[2])).ToArray(),
                    rows.Select(r => F($"{(r[1] + r[2] == 0 ? 1 : 2 * r[0] / (r[1] + r[2])):0.00} ({r[0]:0}/{r[1]:0}/{r[2]:0})")).ToArray());
            default:
                return (rows.Select(r => r[0]).ToArray(), rows.Select(r => F($"{r[0]:0.000}")).ToArray());
        }
    }

    /// <summary>Average-rank percentiles in [0, 1] (ties share their mean rank), as Spearman ranks them.</summary>
    internal static double[] PercentRanks(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray();
        var ranks = new double[n];
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) end++;
            var mean = (start + end) / 2.0;
            for (var k = start; k <= end; k++) ranks[order[k]] = n > 1 ? mean / (n - 1) : 0.5;
            start = end + 1;
        }

        return ranks;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <param name="Measure">What the per-item values are.</param>
/// <param name="Compared">Items both runs cover.</param>
public sealed record ItemDifferenceLists(string Measure, int Compared, IReadOnlyList<ItemDifference> FirstBetter, int FirstBetterTotal, IReadOnlyList<ItemDifference> SecondBetter, int SecondBetterTotal);

/// <summary>One item scored by both runs: its description, each run's value as shown, and first − second on the "higher is better" scale.</summary>
public sealed record ItemDifference(int Index, string Text, string FirstValue, string SecondValue, double Difference);
