namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>Counts of items per (class, cluster) cell and per class and cluster: what every external clustering score is built from.</summary>
internal sealed class ContingencyTable
{
    private ContingencyTable(Dictionary<(int Class, int Cluster), int> cells, Dictionary<int, int> classSizes, Dictionary<int, int> clusterSizes, int total)
    {
        Cells = cells;
        ClassSizes = classSizes;
        ClusterSizes = clusterSizes;
        Total = total;
    }

    public IReadOnlyDictionary<(int Class, int Cluster), int> Cells { get; }
    public IReadOnlyDictionary<int, int> ClassSizes { get; }
    public IReadOnlyDictionary<int, int> ClusterSizes { get; }
    public int Total { get; }

    public static ContingencyTable Of(IReadOnlyList<int> truth, IReadOnlyList<int> clusters)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(clusters);
        if (truth.Count != clusters.Count) throw new ArgumentException($"Truth has {truth.Count} labels, clustering {clusters.Count}.", nameof(clusters));
        var cells = new Dictionary<(int, int), int>();
        var classSizes = new Dictionary<int, int>();
        var clusterSizes = new Dictionary<int, int>();
        for (var i = 0; i < truth.Count; i++)
        {
            cells[(truth[i], clusters[i])] = cells.GetValueOrDefault((truth[i], clusters[i])) + 1;
            classSizes[truth[i]] = classSizes.GetValueOrDefault(truth[i]) + 1;
            clusterSizes[clusters[i]] = clusterSizes.GetValueOrDefault(clusters[i]) + 1;
        }

        return new ContingencyTable(cells, classSizes, clusterSizes, truth.Count);
    }
}
