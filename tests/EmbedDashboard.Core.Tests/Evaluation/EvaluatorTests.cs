using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Probes;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation;

public sealed class EvaluatorTests
{
    [Fact]
    public void LogisticRegression_SeparableAndRandom_PerfectVersusChance()
    {
        var random = new Random(1);
        const int n = 400, d = 5;
        var x = new float[n * d];
        var separable = new int[n];
        var noise = new int[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++) x[i * d + j] = (float)(random.NextDouble() * 2 - 1);
            separable[i] = x[i * d] + x[i * d + 1] > 0 ? 1 : 0;
            noise[i] = random.Next(2);
        }

        var fit = LogisticRegression.Fit(x[..(300 * d)], 300, d, separable[..300], 2);
        var accuracy = fit.Predict(x[(300 * d)..], 100).Zip(separable[300..]).Count(p => p.First == p.Second) / 100.0;
        var chance = LogisticRegression.Fit(x[..(300 * d)], 300, d, noise[..300], 2).Predict(x[(300 * d)..], 100).Zip(noise[300..]).Count(p => p.First == p.Second) / 100.0;

        Assert.True(accuracy >= 0.95, $"separable accuracy {accuracy}");
        Assert.InRange(chance, 0.3, 0.7);
    }

    [Fact]
    public async Task Classification_TwoBlobs_HighAccuracyWithSpread()
    {
        var random = new Random(2);
        var vectors = new Dictionary<string, float[]>();
        var items = new List<LabeledText>();
        for (var i = 0; i < 120; i++)
        {
            var label = i % 2 == 0 ? "pos" : "neg";
            var centre = label == "pos" ? 1f : -1f;
            vectors[$"t{i}"] = [centre + (float)random.NextDouble() - 0.5f, (float)random.NextDouble()];
            items.Add(new LabeledText($"t{i}", label));
        }

        var result = await ClassificationEvaluator.EvaluateAsync(new TableEmbedder(vectors), items, new ClassificationSettings(Seeds: 3, KnnK: 5), EmbedOptions.Default, null, default);

        Assert.Equal("accuracy", result.Primary.Name);
        Assert.Equal(3, result.Primary.Value.Values.Count);
        Assert.True(result.Primary.Value.Mean > 0.95, $"accuracy {result.Primary.Value.Mean}");
        Assert.True(result.Secondary.Single(m => m.Name == "kmeans_v_measure").Value.Mean > 0.8);
    }

    [Fact]
    public async Task PairSimilarity_OovAndNoGold_CountedNotDropped()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["a"] = [1, 0], ["b"] = [1, 1], ["c"] = [0, 1], ["d"] = [-1, 0],
        });
        // cos(a,b)=0.71, cos(a,c)=0, cos(a,d)=−1: ordered like the gold scores 3 > 2 > 1 → ρ = 1.
        ScoredPair[] pairs = [new("a", "b", 3), new("a", "c", 2), new("a", "d", 1), new("a", "zzz", 5), new("b", "c", null)];

        var result = await PairSimilarityEvaluator.EvaluateAsync(embedder, pairs, EmbedOptions.Default, null, default);

        Assert.Equal(1, result.Primary.Value.Mean, 10);
        Assert.Equal(0.75, result.Secondary.Single(m => m.Name == "coverage").Value.Mean);
        Assert.Equal(1, result.Secondary.Single(m => m.Name == "pairs_without_gold").Value.Mean);
        Assert.Contains(result.Notes, n => n.Contains("1 of 4 pairs have an out-of-vocabulary side"));
    }

    [Fact]
    public async Task Analogy_ToyVectors_AnswerFoundAndQuestionWordsExcluded()
    {
        // woman ≈ man, so king − man + woman ≈ king: "king" would win if question words were not
        // excluded; among the other words queen is nearest.
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["man"] = [1, 0, 0], ["woman"] = [1, 0.01f, 0], ["king"] = [1, 0, 1], ["queen"] = [1, 0.2f, 1], ["apple"] = [0, -1, 0],
        });
        AnalogyQuestion[] questions = [new("royal", "man", "king", "woman", "queen"), new("royal", "man", "king", "zebra", "queen")];

        var result = await AnalogyEvaluator.EvaluateAsync(embedder, questions, ["man", "woman", "king", "queen", "apple"], EmbedOptions.Default, null, default);

        Assert.Equal(1, result.Primary.Value.Mean);
        Assert.Equal(0.5, result.Secondary.Single(m => m.Name == "coverage").Value.Mean);
        Assert.Equal(0.5, result.Secondary.Single(m => m.Name == "3cosadd_accuracy_all").Value.Mean);
        Assert.Equal(1, result.Secondary.Single(m => m.Name == "3cosmul_accuracy").Value.Mean);
    }

    [Fact]
    public void KMeans_SeparatedBlobs_Recovered()
    {
        float[] x = [0, 0, 0.1f, 0, 0, 0.1f, 10, 10, 10.1f, 10, 10, 10.1f];

        var labels = KMeans.Cluster(x, 6, 2, 2, seed: 1);

        Assert.Equal(labels[0], labels[1]);
        Assert.Equal(labels[0], labels[2]);
        Assert.Equal(labels[3], labels[5]);
        Assert.NotEqual(labels[0], labels[3]);
    }
}
