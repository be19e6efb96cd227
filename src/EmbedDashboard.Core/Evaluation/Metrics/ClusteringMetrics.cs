namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>External clustering scores against gold labels, with scikit-learn's definitions and edge cases.</summary>
public static class ClusteringMetrics
{
    /// <summary>V-measure with β = 1 (Rosenberg &amp; Hirschberg 2007); entropies in nats (the base cancels).</summary>
    public static VMeasureScores VMeasure(IReadOnlyList<int> truth, IReadOnlyList<int> clusters)
    {
        var table = ContingencyTable.Of(truth, clusters);
        if (table.Total == 0) return new VMeasureScores(1, 1, 1);
        var n = (double)table.Total;
        var hClass = Entropy(table.ClassSizes.Values, n);
        var hCluster = Entropy(table.ClusterSizes.Values, n);
        double hClassGivenCluster = 0, hClusterGivenClass = 0;
        foreach (var ((c, k), count) in table.Cells)
        {
            hClassGivenCluster -= count / n * Math.Log(count / (double)table.ClusterSizes[k]);
            hClusterGivenClass -= count / n * Math.Log(count / (double)table.ClassSizes[c]);
        }

        // One class (or one cluster) means zero entropy: scikit-learn defines the score as 1 there.
        var homogeneity = hClass == 0 ? 1 : 1 - hClassGivenCluster / hClass;
        var completeness = hCluster == 0 ? 1 : 1 - hClusterGivenClass / hCluster;
        var v = homogeneity + completeness == 0 ? 0 : 2 * homogeneity * completeness / (homogeneity + completeness);
        return new VMeasureScores(homogeneity, completeness, v);
    }

    /// <summary>
    /// Adjusted Rand index (Hubert &amp; Arabie 1985) from the pair-confusion counts, as scikit-learn:
    /// 1 for identical partitions (up to renaming), about 0 for independent ones, negative below chance.
    /// </summary>
    public static double AdjustedRandIndex(IReadOnlyList<int> truth, IReadOnlyList<int> clusters)
    {
        var table = ContingencyTable.Of(truth, clusters);
        var n = (double)table.Total;
        var sumSquares = table.Cells.Values.Sum(v => (double)v * v);
        var classSquares = table.ClassSizes.Values.Sum(v => (double)v * v);
        var clusterSquares = table.ClusterSizes.Values.Sum(v => (double)v * v);
        // Ordered pairs: together in both, together only in the prediction, only in the truth, apart in both.
        var together = sumSquares - n;
        var onlyPredicted = clusterSquares - sumSquares;
        var onlyTrue = classSquares - sumSquares;
        var apart = n * n - onlyPredicted - onlyTrue - sumSquares;
        if (onlyPredicted == 0 && onlyTrue == 0) return 1;
        return 2.0 * (together * apart - onlyTrue * onlyPredicted) /
               ((together + onlyTrue) * (onlyTrue + apart) + (together + onlyPredicted) * (onlyPredicted + apart));
    }

    private static double Entropy(IEnumerable<int> sizes, double n) =>
        -sizes.Where(s => s > 0).Sum(s => s / n * Math.Log(s / n));
}
