using System.Diagnostics;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Do the embeddings group texts by label without being told the labels? k-means with k = number
/// of labels, scored by V-measure (with homogeneity and completeness) and adjusted Rand index,
/// mean ± std over seeds. All items are clustered regardless of their split.
/// </summary>
public static class ClusteringEvaluator
{
    public static async Task<ClusteringResult> EvaluateAsync(IEmbedder embedder, IReadOnlyList<LabeledText> items, ClusteringOptions options, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var sample = Sampling.Stratified(items, i => i.Label, options.MaxItems, options.SampleSeed);
        var classes = sample.Select(i => i.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2) throw new ArgumentException($"Clustering needs at least 2 labels; the items have {classes.Count}.", nameof(items));
        var classIndex = classes.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i, StringComparer.Ordinal);
        var labels = sample.Select(i => classIndex[i.Label]).ToArray();
        var batch = await embedder.EmbedAsync(sample.Select(i => i.Text).ToList(), embedOptions, new ProgressSlice(progress, 0, 0.6, "Embedding"), cancellationToken);
        var scores = Cluster(batch.Data, batch.Count, batch.Dimension, labels, classes.Count, options, new ProgressRange(progress, 0.6, 1), cancellationToken);

        var notes = new List<string> { $"k-means (k = {classes.Count} labels, k-means++ with {options.Restarts} start(s)) over {options.Seeds} seed(s)." };
        if (sample.Count < items.Count) notes.Add($"Clustered a stratified sample of {sample.Count:N0} of {items.Count:N0} items.");
        if (batch.MissingCount > 0) notes.Add($"{batch.MissingCount:N0} text(s) had no known token and were clustered as zero vectors.");
        return new ClusteringResult(scores, classes)
        {
            Task = TaskKind.Clustering,
            Primary = new NamedMetric("v_measure", scores.VMeasure),
            Secondary = new OrderedDictionary<string, Summary>(StringComparer.Ordinal)
            {
                ["homogeneity"] = scores.Homogeneity,
                ["completeness"] = scores.Completeness,
                ["ari"] = scores.AdjustedRandIndex,
                ["clusters"] = Summary.Single(classes.Count),
                ["missing_vectors"] = Summary.Single(batch.MissingCount),
            },
            Counts = new EvaluationCounts(sample.Count, Skipped: items.Count - sample.Count),
            Embedding = batch.Stats,
            Elapsed = watch.Elapsed,
            Notes = notes,
        };
    }

    /// <summary>The scoring step alone, over embeddings already computed (n × d row-major).</summary>
    public static ClusteringScores Cluster(float[] x, int n, int d, IReadOnlyList<int> labels, int k, ClusteringOptions options, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Seeds, 1);
        var v = new List<double>();
        var homogeneity = new List<double>();
        var completeness = new List<double>();
        var ari = new List<double>();
        for (var s = 0; s < options.Seeds; s++)
        {
            var clusters = KMeans.Fit(x, n, d, Math.Min(k, n), options.FirstSeed + s, options.Restarts, options.MaxIterations, cancellationToken).Labels;
            var scores = ClusteringMetrics.VMeasure(labels, clusters);
            v.Add(scores.VMeasure);
            homogeneity.Add(scores.Homogeneity);
            completeness.Add(scores.Completeness);
            ari.Add(ClusteringMetrics.AdjustedRandIndex(labels, clusters));
            progress?.Report(new EvaluationProgress((s + 1) / (double)options.Seeds, $"k-means: seed {s + 1} of {options.Seeds}"));
        }

        return new ClusteringScores(k, Summary.Of(v), Summary.Of(homogeneity), Summary.Of(completeness), Summary.Of(ari));
    }
}
