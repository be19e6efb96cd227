using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

public sealed record ClassificationSettings(int Seeds = 5, int KnnK = 10, int MaxItems = 2000, int SampleSeed = 13);

/// <summary>
/// Frozen embeddings + linear probe (multinomial logistic regression) and kNN probe, repeated over
/// seeds so the spread is visible (a single split can move accuracy by several points). With a
/// train/test split in the data, each seed trains on a stratified 80% subsample of train and tests
/// on the whole test split; without one, each seed draws its own stratified 50/50 split. Also
/// clusters the embeddings with k-means (k = number of labels): V-measure and ARI.
/// </summary>
public static class ClassificationEvaluator
{
    public static async Task<TaskEvaluation> EvaluateAsync(IEmbedder embedder, IReadOnlyList<LabeledText> all, ClassificationSettings settings, EmbedOptions options, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var items = Sampling.Stratified(all, i => i.Label + "|" + i.Split, settings.MaxItems, settings.SampleSeed);
        var labels = items.Select(i => i.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var y = items.Select(i => labels.IndexOf(i.Label)).ToArray();
        var batch = await embedder.EmbedAsync(items.Select(i => i.Text).ToList(), options, EvaluationHelpers.Slice(progress, 0, 0.6, "Embedding"), cancellationToken);
        var d = batch.Dimension;
        var hasSplit = items.Any(i => i.Split == Split.Test) && items.Any(i => i.Split == Split.Train);
        var accuracy = new List<double>();
        var macroF1 = new List<double>();
        var knn = new List<double>();
        var vMeasure = new List<double>();
        var ari = new List<double>();
        for (var seed = 0; seed < settings.Seeds; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (train, test) = hasSplit ? SplitWithHeldOut(items, y, seed) : RandomSplit(y, seed);
            var xTrain = Rows(batch.Data, d, train);
            var xTest = Rows(batch.Data, d, test);
            var yTrain = train.Select(i => y[i]).ToArray();
            var yTest = test.Select(i => y[i]).ToArray();
            var model = LogisticRegression.Fit(xTrain, train.Length, d, yTrain, labels.Count, cancellationToken: cancellationToken);
            var predicted = model.Predict(xTest, test.Length);
            accuracy.Add(ClassificationMetrics.Accuracy(yTest, predicted));
            macroF1.Add(ClassificationMetrics.MacroF1(yTest, predicted));
            knn.Add(ClassificationMetrics.Accuracy(yTest, KnnClassifier.Predict(xTrain, yTrain, xTest, test.Length, d, settings.KnnK)));
            var clusters = KMeans.Cluster(batch.Data, items.Count, d, labels.Count, seed);
            vMeasure.Add(ClusteringMetrics.VMeasure(y, clusters));
            ari.Add(ClusteringMetrics.AdjustedRandIndex(y, clusters));
            progress?.Report(new EvaluationProgress(0.6 + 0.4 * (seed + 1) / settings.Seeds, $"Probes: seed {seed + 1} of {settings.Seeds}"));
        }

        var notes = new List<string>
        {
            hasSplit ? "Each seed: logistic probe trained on a stratified 80% of the train split, tested on the test split." : "Each seed: a fresh stratified 50/50 split.",
        };
        if (items.Count < all.Count) notes.Add($"Evaluated a stratified sample of {items.Count:N0} of {all.Count:N0} items.");
        if (batch.MissingCount > 0) notes.Add($"{batch.MissingCount:N0} text(s) had no known token and were represented by a zero vector.");
        return new TaskEvaluation(
            new NamedMetric("accuracy", Summary.Of(accuracy)),
            [new("macro_f1", Summary.Of(macroF1)), new($"knn{settings.KnnK}_accuracy", Summary.Of(knn)), new("kmeans_v_measure", Summary.Of(vMeasure)), new("kmeans_ari", Summary.Of(ari)), EvaluationHelpers.Single("classes", labels.Count)],
            items.Count, batch.Stats, notes);
    }

    private static (int[] Train, int[] Test) SplitWithHeldOut(IReadOnlyList<LabeledText> items, int[] y, int seed)
    {
        var random = new Random(1000 + seed);
        var train = new List<int>();
        foreach (var group in Enumerable.Range(0, items.Count).Where(i => items[i].Split == Split.Train).GroupBy(i => y[i]))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            train.AddRange(members.Take(Math.Max(1, (int)(members.Length * 0.8))));
        }

        return ([.. train], Enumerable.Range(0, items.Count).Where(i => items[i].Split == Split.Test).ToArray());
    }

    private static (int[] Train, int[] Test) RandomSplit(int[] y, int seed)
    {
        var random = new Random(1000 + seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, y.Length).GroupBy(i => y[i]))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var half = members.Length / 2;
            train.AddRange(members[..Math.Max(1, half)]);
            test.AddRange(members[Math.Max(1, half)..]);
        }

        return ([.. train], [.. test]);
    }

    internal static float[] Rows(float[] data, int d, int[] indices)
    {
        var result = new float[indices.Length * d];
        for (var k = 0; k < indices.Length; k++) data.AsSpan(indices[k] * d, d).CopyTo(result.AsSpan(k * d, d));
        return result;
    }
}
