using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

/// <summary>What evaluators record per item must rebuild their primary metric, and keep OOV items as placeholders.</summary>
public sealed class ItemOutcomesTests
{
    private static readonly Dictionary<string, float[]> Words = new()
    {
        ["a"] = [1, 0],
        ["b"] = [1, 1],
        ["c"] = [0, 1],
        ["d"] = [-1, 0],
    };

    [Fact]
    public async Task WordSimilarity_OovPair_NullRowInPlaceAndRowsRebuildRho()
    {
        ScoredPair[] pairs = [new("a", "b", 3), new("a", "zzz", 5), new("a", "c", 2), new("a", "d", 1)];

        var result = await WordSimilarityEvaluator.EvaluateAsync(new TableEmbedder(Words), pairs, EmbedOptions.Default);

        var items = Assert.IsType<ItemOutcomes>(result.Items);
        Assert.Equal(ItemStatistic.Spearman, items.Statistic);
        Assert.Equal(4, items.Items.Count);
        Assert.Null(items.Items[1]);
        Assert.Equal(3, items.Covered);
        Assert.Equal(result.Spearman, ItemMetric.Compute(items.Statistic, items.Items.Where(r => r is not null).Select(r => r!).ToList()), 12);
    }

    [Fact]
    public async Task WordSimilarity_SamePairsDifferentEmbedders_SameItemSetHash()
    {
        ScoredPair[] pairs = [new("a", "b", 3), new("a", "c", 2), new("a", "d", 1)];
        var other = Words.ToDictionary(w => w.Key, w => w.Value.Reverse().ToArray());

        var one = await WordSimilarityEvaluator.EvaluateAsync(new TableEmbedder(Words), pairs, EmbedOptions.Default);
        var two = await WordSimilarityEvaluator.EvaluateAsync(new TableEmbedder(other), pairs, EmbedOptions.Default);
        var fewer = await WordSimilarityEvaluator.EvaluateAsync(new TableEmbedder(Words), pairs[..2], EmbedOptions.Default);

        Assert.Equal(one.Items!.ItemSetHash, two.Items!.ItemSetHash);
        Assert.NotEqual(one.Items.ItemSetHash, fewer.Items!.ItemSetHash);
    }

    [Fact]
    public async Task Classification_SubsampledSplit_PerItemMeanIsSeedAveragedAccuracy()
    {
        var random = new Random(3);
        var table = new Dictionary<string, float[]>();
        var items = new List<LabeledText>();
        for (var i = 0; i < 120; i++)
        {
            var label = i % 2 == 0 ? "p" : "n";
            // Overlapping classes, so some test items are missed and the per-item shares are not all 1.
            table[$"t{i}"] = [(label == "p" ? 0.5f : -0.5f) + (float)(random.NextDouble() * 2 - 1), (float)random.NextDouble()];
            items.Add(new LabeledText($"t{i}", label, i % 4 == 0 ? Split.Test : Split.Train));
        }

        var result = await ClassificationEvaluator.EvaluateAsync(new TableEmbedder(table), items,
            new ClassificationOptions { Seeds = 3, TrainFraction = 0.6, KnnK = 3, Clustering = null }, EmbedOptions.Default);

        var outcomes = Assert.IsType<ItemOutcomes>(result.Items);
        Assert.Equal(30, outcomes.Items.Count);
        Assert.Equal(result.Primary.Value.Mean, ItemMetric.Compute(ItemStatistic.Mean, outcomes.Items.Select(r => r!).ToList()), 12);
    }

    [Fact]
    public async Task Classification_SubsampledSplit_PredictionsAreTheFirstSeeds()
    {
        var random = new Random(3);
        var table = new Dictionary<string, float[]>();
        var items = new List<LabeledText>();
        for (var i = 0; i < 120; i++)
        {
            var label = i % 2 == 0 ? "p" : "n";
            table[$"t{i}"] = [(label == "p" ? 0.5f : -0.5f) + (float)(random.NextDouble() * 2 - 1), (float)random.NextDouble()];
            items.Add(new LabeledText($"t{i}", label, i % 4 == 0 ? Split.Test : Split.Train));
        }

        var result = await ClassificationEvaluator.EvaluateAsync(new TableEmbedder(table), items,
            new ClassificationOptions { Seeds = 3, TrainFraction = 0.6, KnnK = 3, Clustering = null }, EmbedOptions.Default);

        var predictions = result.Items!.Predictions!;
        var test = items.Where(i => i.Split == Split.Test).ToList();
        Assert.Equal(["n", "p"], predictions.Labels);
        // One per scored row, in row order, with the row's own text and gold label.
        Assert.Equal(Enumerable.Range(0, 30), predictions.Items.Select(p => p.Index));
        Assert.Equal(test.Select(t => t.Text), predictions.Items.Select(p => p.Text));
        Assert.Equal(test.Select(t => t.Label), predictions.Items.Select(p => predictions.Labels[p.Gold]));
        // The first seed alone scored the whole test split, so its accuracy is the share of these predictions that are right.
        Assert.Equal(result.Logistic.AccuracyPerSeed[0], predictions.Items.Count(p => p.Predicted == p.Gold) / 30.0, 12);
    }

    [Fact]
    public async Task WordSimilarity_AnyPairs_DescribesEachRowByItsKeyParts()
    {
        ScoredPair[] pairs = [new("a", "b", 3), new("a", "zzz", 5.5)];

        var result = await WordSimilarityEvaluator.EvaluateAsync(new TableEmbedder(Words), pairs, EmbedOptions.Default);

        // The OOV pair keeps its description too, so rows and descriptions stay aligned.
        Assert.Equal(["a · b · 3", "a · zzz · 5.5"], result.Items!.Descriptions);
    }

    [Fact]
    public void Create_LongKey_DescriptionCutLikeASnippet()
    {
        var outcomes = ItemOutcomes.Create("m", ItemStatistic.Mean, [new string('x', 500)], [[1.0]]);

        Assert.Equal(ItemPredictions.MaxTextLength + 1, outcomes.Descriptions![0].Length); // the cut plus "…"
    }

    [Fact]
    public async Task Classification_HeldOutSplit_CountsWordsAndWordsNoTrainingTextHas()
    {
        // Train texts hold "good", "bad", "film", "plot"; the test texts are counted against them.
        var texts = new (string Text, string Label, Split Split, float[] Vector)[]
        {
            ("good film", "p", Split.Train, [1, 0]), ("Good plot", "p", Split.Train, [1, 0.1f]),
            ("bad film", "n", Split.Train, [-1, 0]), ("bad plot", "n", Split.Train, [-1, 0.1f]),
            ("good good film!", "p", Split.Test, [1, 0.2f]),         // 3 words, all seen
            ("a GOOD twist, superb", "p", Split.Test, [1, 0.3f]),   // 4 words: a, twist, superb unseen (case folded)
            ("...", "n", Split.Test, [-1, 0.2f]),                    // no word at all
        };
        var table = texts.ToDictionary(t => t.Text, t => t.Vector);
        var items = texts.Select(t => new LabeledText(t.Text, t.Label, t.Split)).ToList();

        var result = await ClassificationEvaluator.EvaluateAsync(new TableEmbedder(table), items,
            new ClassificationOptions { Seeds = 1, KnnK = 1, Clustering = null }, EmbedOptions.Default);

        var scored = result.Items!.Predictions!.Items;
        Assert.Equal([3, 4, 0], scored.Select(p => p.Words));
        Assert.Equal([0, 3, 0], scored.Select(p => p.Unseen));
        Assert.Equal([0, 0.75, null], scored.Select(p => p.UnseenRate));
        // The predictions carry the texts, so the generic descriptions are not stored a second time.
        Assert.Null(result.Items.Descriptions);
    }
}
