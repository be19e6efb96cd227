using System.Diagnostics;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;
using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Frozen embeddings + probes: a multinomial logistic regression (is the label linearly readable?)
/// and a cosine kNN (do neighbourhoods carry it?). With a train/test split in the items the probes
/// train on Train and are scored on Test; without one, repeated stratified k-fold. Accuracy and
/// macro-F1 are reported as mean ± std over the evaluation units with every unit's value.
/// </summary>
public static class ClassificationEvaluator
{
    /// <summary>Embeds all texts in one call (so the engine's batching and cache apply), then scores.</summary>
    public static async Task<ClassificationResult> EvaluateAsync(IEmbedder embedder, IReadOnlyList<LabeledText> items, ClassificationOptions options, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var sample = Sampling.Stratified(items, i => i.Label + "\u001f" + i.Split, options.MaxItems, options.SampleSeed);
        var batch = await embedder.EmbedAsync(sample.Select(i => i.Text).ToList(), embedOptions, new ProgressSlice(progress, 0, 0.6, "Embedding"), cancellationToken);
        var result = Evaluate(batch, sample, options, new ProgressRange(progress, 0.6, 1), cancellationToken);
        var notes = result.Notes.ToList();
        if (sample.Count < items.Count) notes.Insert(0, $"Evaluated a stratified sample of {sample.Count:N0} of {items.Count:N0} items.");
        return result with
        {
            Counts = result.Counts with { Skipped = result.Counts.Skipped + items.Count - sample.Count },
            Elapsed = watch.Elapsed,
            Notes = notes,
        };
    }

    /// <summary>The scoring step alone, over embeddings already computed (row i belongs to items[i]).</summary>
    public static ClassificationResult Evaluate(EmbeddingBatch batch, IReadOnlyList<LabeledText> items, ClassificationOptions options, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        if (batch.Count != items.Count) throw new ArgumentException($"{batch.Count} embeddings for {items.Count} items.", nameof(batch));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Seeds, 1);
        var watch = Stopwatch.StartNew();
        var classes = items.Select(i => i.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2) throw new ArgumentException($"Classification needs at least 2 labels; the items have {classes.Count}.", nameof(items));
        var classIndex = classes.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i, StringComparer.Ordinal);
        var y = items.Select(i => classIndex[i.Label]).ToArray();
        var (protocol, units, unused) = PlanUnits(items, y, options);

        var d = batch.Dimension;
        var logistic = new ProbeScoreAccumulator();
        var knn = new ProbeScoreAccumulator();
        var unconverged = 0;
        // Per item: how many units tested it and how many of those the logistic probe (the primary) got right.
        var tested = new int[items.Count];
        var right = new int[items.Count];
        // The first seed's answer per item (k-fold tests each item once per seed, so the first seed covers them all).
        var firstSeed = units.Count > 0 ? units[0].Seed : 0;
        var firstPrediction = Enumerable.Repeat(-1, items.Count).ToArray();
        var firstUnit = Enumerable.Repeat(-1, items.Count).ToArray();
        for (var u = 0; u < units.Count; u++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var unit = units[u];
            var xTrain = RowMath.Gather(batch.Data, d, unit.Train);
            var xTest = RowMath.Gather(batch.Data, d, unit.Test);
            var yTrain = unit.Train.Select(i => y[i]).ToArray();
            var yTest = unit.Test.Select(i => y[i]).ToArray();
            var model = LogisticRegression.Fit(xTrain, unit.Train.Length, d, yTrain, classes.Count, options.L2, options.MaxIterations, cancellationToken);
            if (!model.Converged) unconverged++;
            var predicted = model.Predict(xTest, unit.Test.Length);
            logistic.Add(unit.Seed, yTest, predicted, classes.Count);
            for (var t = 0; t < unit.Test.Length; t++)
            {
                tested[unit.Test[t]]++;
                if (predicted[t] == yTest[t]) right[unit.Test[t]]++;
                if (unit.Seed == firstSeed && firstPrediction[unit.Test[t]] < 0)
                {
                    firstPrediction[unit.Test[t]] = predicted[t];
                    firstUnit[unit.Test[t]] = u;
                }
            }

            knn.Add(unit.Seed, yTest, KnnClassifier.Predict(xTrain, yTrain, xTest, unit.Test.Length, d, options.KnnK, cancellationToken), classes.Count);
            progress?.Report(new EvaluationProgress(0.8 * (u + 1) / units.Count, $"Probes: {u + 1} of {units.Count}"));
        }

        var clustering = options.Clustering is null ? null
            : ClusteringEvaluator.Cluster(batch.Data, batch.Count, d, y, classes.Count, options.Clustering, new ProgressRange(progress, 0.8, 1), cancellationToken);

        var logisticScores = logistic.Summarize(classes);
        var knnScores = knn.Summarize(classes);
        var k = options.KnnK;
        var secondary = new OrderedDictionary<string, Summary>(StringComparer.Ordinal)
        {
            ["macro_f1"] = logisticScores.MacroF1,
            [$"knn{k}_accuracy"] = knnScores.Accuracy,
            [$"knn{k}_macro_f1"] = knnScores.MacroF1,
        };
        if (clustering is not null)
        {
            secondary["kmeans_v_measure"] = clustering.VMeasure;
            secondary["kmeans_homogeneity"] = clustering.Homogeneity;
            secondary["kmeans_completeness"] = clustering.Completeness;
            secondary["kmeans_ari"] = clustering.AdjustedRandIndex;
        }

        secondary["classes"] = Summary.Single(classes.Count);
        secondary["train_items"] = Summary.Of(units.Select(u => (double)u.Train.Length).ToList());
        secondary["test_items"] = Summary.Of(units.Select(u => (double)u.Test.Length).ToList());
        secondary["missing_vectors"] = Summary.Single(batch.MissingCount);
        foreach (var (label, f1) in logistic.PerClass(classes)) secondary[$"f1[{label}]"] = f1;

        var notes = new List<string> { Describe(protocol, units, options) };
        if (unconverged > 0) notes.Add($"The logistic probe reached its {options.MaxIterations}-iteration cap before converging in {unconverged} of {units.Count} fits.");
        if (batch.MissingCount > 0) notes.Add($"{batch.MissingCount:N0} text(s) had no known token and were represented by a zero vector.");
        if (unused > 0) notes.Add($"{unused:N0} item(s) in neither the train nor the test split (e.g. dev) were not used.");
        return new ClassificationResult(protocol, units.Count, classes, logisticScores, knnScores, clustering)
        {
            Task = TaskKind.Classification,
            Primary = new NamedMetric("accuracy", logisticScores.Accuracy),
            Secondary = secondary,
            Counts = new EvaluationCounts(items.Count - unused, Skipped: unused),
            Embedding = batch.Stats,
            Elapsed = watch.Elapsed,
            Notes = notes,
            Items = PerItem(items, tested, right, classes, y, firstPrediction, ItemTextStats.Measure(items, units.Select(u => u.Train).ToList(), firstUnit)),
        };
    }

    /// <summary>
    /// Each tested item's share of units that classified it right: its mean over items is the accuracy averaged over
    /// seeds (exactly so with a fixed test split; under k-fold, pooled over folds), and it resamples by item.
    /// </summary>
    private static ItemOutcomes PerItem(IReadOnlyList<LabeledText> items, int[] tested, int[] right, IReadOnlyList<string> classes, int[] y, int[] firstPrediction, (int Words, int Unseen)[] text)
    {
        var scored = Enumerable.Range(0, items.Count).Where(i => tested[i] > 0).ToList();
        var outcomes = ItemOutcomes.Create("accuracy", ItemStatistic.Mean,
            scored.Select(i => ItemOutcomes.Key(items[i].Text, items[i].Label, items[i].Split)),
            scored.Select(i => (double[]?)[right[i] / (double)tested[i]]).ToList());
        var predictions = scored.Select((i, row) => new ItemPrediction(row, ItemPredictions.Snippet(items[i].Text), y[i], firstPrediction[i], text[i].Words, text[i].Unseen)).ToList();
        // The predictions carry the texts; the generic descriptions would store them twice.
        return outcomes with { Predictions = new ItemPredictions(classes.ToList(), predictions), Descriptions = null };
    }

    private static (ClassificationProtocol Protocol, List<EvaluationUnit> Units, int Unused) PlanUnits(IReadOnlyList<LabeledText> items, int[] y, ClassificationOptions options)
    {
        var train = Enumerable.Range(0, items.Count).Where(i => items[i].Split == Split.Train).ToArray();
        var test = Enumerable.Range(0, items.Count).Where(i => items[i].Split == Split.Test).ToArray();
        var units = new List<EvaluationUnit>();
        if (train.Length > 0 && test.Length > 0)
        {
            var unused = items.Count - train.Length - test.Length;
            if (options.TrainFraction >= 1)
            {
                units.Add(new EvaluationUnit(options.FirstSeed, train, test));
                return (ClassificationProtocol.HeldOutSplit, units, unused);
            }

            for (var s = 0; s < options.Seeds; s++)
            {
                var seed = options.FirstSeed + s;
                units.Add(new EvaluationUnit(seed, Sampling.StratifiedSubset(train, y, options.TrainFraction, seed), test));
            }

            return (ClassificationProtocol.SubsampledSplit, units, unused);
        }

        var folds = Math.Min(options.Folds, items.Count);
        if (folds < 2) throw new ArgumentException($"k-fold needs at least 2 items; got {items.Count}.", nameof(items));
        for (var s = 0; s < options.Seeds; s++)
        {
            var seed = options.FirstSeed + s;
            var foldOf = Sampling.StratifiedFolds(y, folds, seed);
            for (var f = 0; f < folds; f++)
            {
                units.Add(new EvaluationUnit(seed,
                    Enumerable.Range(0, items.Count).Where(i => foldOf[i] != f).ToArray(),
                    Enumerable.Range(0, items.Count).Where(i => foldOf[i] == f).ToArray()));
            }
        }

        return (ClassificationProtocol.RepeatedStratifiedKFold, units, 0);
    }

    private static string Describe(ClassificationProtocol protocol, List<EvaluationUnit> units, ClassificationOptions options) => protocol switch
    {
        ClassificationProtocol.HeldOutSplit =>
            $"Probes trained on the train split ({units[0].Train.Length:N0}) and scored on the test split ({units[0].Test.Length:N0}) once: " +
            "the split is fixed and both probes are deterministic (the logistic objective is strictly convex), so more seeds would repeat the same numbers. " +
            "Set a train fraction below 1 for a spread over seeds.",
        ClassificationProtocol.SubsampledSplit =>
            $"Each of {units.Count} seeds trained on a stratified {options.TrainFraction:P0} of the train split and was scored on the whole test split.",
        _ => $"No train/test split in the data: stratified {units.Count / options.Seeds}-fold cross-validation, reshuffled for each of {options.Seeds} seeds ({units.Count} folds in all; the spread is over folds).",
    };

    private sealed record EvaluationUnit(int Seed, int[] Train, int[] Test);
}
