namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>External clustering scores against gold labels (same definitions as scikit-learn).</summary>
public static class ClusteringMetrics
{
    /// <summary>V-measure: harmonic mean of homogeneity and completeness (Rosenberg &amp; Hirschberg 2007).</summary>
    public static double VMeasure(IReadOnlyList<int> truth, IReadOnlyList<int> clusters)
    {
        var n = (double)truth.Count;
        var joint = Contingency(truth, clusters);
        var hClass = Entropy(truth.GroupBy(t => t).Select(g => g.Count() / n));
        var hCluster = Entropy(clusters.GroupBy(t => t).Select(g => g.Count() / n));
        var classCounts = truth.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var clusterCounts = clusters.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        double hClassGivenCluster = 0, hClusterGivenClass = 0;
        foreach (var ((c, k), count) in joint)
        {
            hClassGivenCluster -= count / n * Math.Log(count / (double)clusterCounts[k]);
            hClusterGivenClass -= count / n * Math.Log(count / (double)classCounts[c]);
        }

        var homogeneity = hClass == 0 ? 1 : 1 - hClassGivenCluster / hClass;
        var completeness = hCluster == 0 ? 1 : 1 - hClusterGivenClass / hCluster;
        return homogeneity + completeness == 0 ? 0 : 2 * homogeneity * completeness / (homogeneity + completeness);
    }

    /// <summary>Adjusted Rand index (Hubert &amp; Arabie 1985): 1 for identical partitions, ≈0 for random ones.</summary>
    public static double AdjustedRandIndex(IReadOnlyList<int> truth, IReadOnlyList<int> clusters)
    {
        static double Pairs(double x) => x * (x - 1) / 2;
        var index = Contingency(truth, clusters).Values.Sum(v => Pairs(v));
        var a = truth.GroupBy(t => t).Sum(g => Pairs(g.Count()));
        var b = clusters.GroupBy(t => t).Sum(g => Pairs(g.Count()));
        var expected = a * b / Pairs(truth.Count);
        var max = (a + b) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static Dictionary<(int, int), int> Contingency(IReadOnlyList<int> truth, IReadOnlyList<int> clusters)
    {
        var table = new Dictionary<(int, int), int>();
        for (var i = 0; i < truth.Count; i++)
        {
            table[(truth[i], clusters[i])] = table.GetValueOrDefault((truth[i], clusters[i])) + 1;
        }

        return table;
    }

    private static double Entropy(IEnumerable<double> probabilities) => -probabilities.Where(p => p > 0).Sum(p => p * Math.Log(p));
}
