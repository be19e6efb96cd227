using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class ClassificationEvaluatorTests
{
    [Fact]
    public async Task EvaluateAsync_NoSplitSeparableBlobs_PerfectOverSeedsTimesFolds()
    {
        var (items, embedder) = Blobs(120, separation: 6, _ => Split.Train);

        var result = await ClassificationEvaluator.EvaluateAsync(embedder, items, new ClassificationOptions { Seeds = 3, Folds = 4, KnnK = 5 }, EmbedOptions.Default);

        Assert.Equal(TaskKind.Classification, result.Task);
        Assert.Equal(ClassificationProtocol.RepeatedStratifiedKFold, result.Protocol);
        Assert.Equal("accuracy", result.Primary.Name);
        Assert.Equal(12, result.Units);
        Assert.Equal(12, result.Primary.Value.Values.Count);
        Assert.All(result.Primary.Value.Values, v => Assert.Equal(1, v));
        Assert.Equal(3, result.Logistic.AccuracyPerSeed.Count);
        Assert.Equal(1, result.Secondary["knn5_accuracy"].Mean);
        Assert.Equal(1, result.Secondary["macro_f1"].Mean);
        Assert.Equal(1, result.Secondary["kmeans_v_measure"].Mean, 9);
        Assert.Equal(1, result.Secondary["f1[c2]"].Mean);
        Assert.Equal(30, result.Secondary["test_items"].Mean); // 120 items in 4 folds
        Assert.Equal(new EvaluationCounts(120), result.Counts);
    }

    [Fact]
    public async Task EvaluateAsync_AnyItems_OneEmbeddingCallWithAllTexts()
    {
        var (items, embedder) = Blobs(40, separation: 6, _ => Split.Train);

        await ClassificationEvaluator.EvaluateAsync(embedder, items, new ClassificationOptions { Seeds = 2, Folds = 2, KnnK = 3 }, EmbedOptions.Default);

        var call = Assert.Single(embedder.Calls);
        Assert.Equal(items.Select(i => i.Text), call);
    }

    [Fact]
    public async Task EvaluateAsync_TrainTestSplit_TrainsOnTrainScoresOnTestOnce()
    {
        // Every 5th item is test (labels cycle with period 4, so every class is in both splits); dev
        // items are neither trained on nor scored, only counted.
        var (items, embedder) = Blobs(100, separation: 6, i => i % 5 == 0 ? Split.Test : i % 10 == 1 ? Split.Dev : Split.Train);
        var dev = items.Count(i => i.Split == Split.Dev);

        var result = await ClassificationEvaluator.EvaluateAsync(embedder, items, new ClassificationOptions { Seeds = 5, KnnK = 3 }, EmbedOptions.Default);

        Assert.Equal(ClassificationProtocol.HeldOutSplit, result.Protocol);
        Assert.Equal(1, result.Units);
        Assert.Equal(10, dev);
        Assert.Equal(20, result.Secondary["test_items"].Mean);
        Assert.Equal(70, result.Secondary["train_items"].Mean);
        Assert.Equal(1, result.Primary.Value.Mean);
        Assert.Equal(new EvaluationCounts(100 - dev, Skipped: dev), result.Counts);
        Assert.Contains(result.Notes, n => n.Contains("deterministic"));
    }

    [Fact]
    public async Task EvaluateAsync_TrainFractionBelowOne_OneSubsamplePerSeed()
    {
        var (items, embedder) = Blobs(100, separation: 6, i => i % 5 == 0 ? Split.Test : Split.Train);

        var result = await ClassificationEvaluator.EvaluateAsync(embedder, items, new ClassificationOptions { Seeds = 4, TrainFraction = 0.5, KnnK = 3 }, EmbedOptions.Default);

        Assert.Equal(ClassificationProtocol.SubsampledSplit, result.Protocol);
        Assert.Equal(4, result.Primary.Value.Values.Count);
        // 80 train items, 20 per class: each seed trains on 10 of each.
        Assert.All(result.Secondary["train_items"].Values, v => Assert.Equal(40, v));
    }

    [Fact]
    public async Task EvaluateAsync_LabelsIndependentOfVectors_AboutChance()
    {
        // Two labels assigned at random to random vectors: accuracy must stay near 0.5.
        var x = ToyData.Uniform(400 * 16, seed: 9);
        var random = new Random(10);
        var items = Enumerable.Range(0, 400).Select(i => new LabeledText($"t{i}", random.Next(2) == 0 ? "a" : "b")).ToList();

        var result = await ClassificationEvaluator.EvaluateAsync(new TableEmbedder(ToyData.Table(x, 16)), items, new ClassificationOptions { Seeds = 2, Folds = 5, Clustering = null }, EmbedOptions.Default);

        Assert.InRange(result.Primary.Value.Mean, 0.38, 0.62);
        Assert.False(result.Secondary.ContainsKey("kmeans_v_measure"));
    }

    [Fact]
    public async Task EvaluateAsync_MaxItems_SampleCountedAsSkipped()
    {
        var (items, embedder) = Blobs(200, separation: 6, _ => Split.Train);

        var result = await ClassificationEvaluator.EvaluateAsync(embedder, items, new ClassificationOptions { Seeds = 1, Folds = 2, MaxItems = 80, KnnK = 3 }, EmbedOptions.Default);

        Assert.Equal(80, result.Counts.Evaluated);
        Assert.Equal(120, result.Counts.Skipped);
        Assert.Equal(80, Assert.Single(embedder.Calls).Count);
    }

    [Fact]
    public async Task EvaluateAsync_TextWithoutVector_CountedAsMissing()
    {
        var (items, embedder) = Blobs(40, separation: 6, _ => Split.Train);
        items.Add(new LabeledText("never seen", "c0"));

        var result = await ClassificationEvaluator.EvaluateAsync(embedder, items, new ClassificationOptions { Seeds = 1, Folds = 2, KnnK = 3 }, EmbedOptions.Default);

        Assert.Equal(1, result.Secondary["missing_vectors"].Mean);
        Assert.Contains(result.Notes, n => n.Contains("zero vector"));
    }

    /// <summary>Four labels c0..c3 around separated centres; the split of item i is chosen by the caller.</summary>
    private static (List<LabeledText> Items, TableEmbedder Embedder) Blobs(int n, float separation, Func<int, Split> split)
    {
        var (x, y) = ToyData.Blobs(n, 6, 4, separation, seed: n);
        var items = Enumerable.Range(0, n).Select(i => new LabeledText($"t{i}", $"c{y[i]}", split(i))).ToList();
        return (items, new TableEmbedder(ToyData.Table(x, 6)));
    }
}
