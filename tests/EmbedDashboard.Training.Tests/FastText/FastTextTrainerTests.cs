using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Training.FastText;

namespace EmbedDashboard.Training.Tests.FastText;

public sealed class FastTextTrainerTests
{
    // A toy sentiment task: the label is carried by one cue word among shared filler words.
    private static (List<string> Texts, List<int> Labels) Toy(int count, int seed)
    {
        string[] positive = ["great", "wonderful", "superb", "lovely"];
        string[] negative = ["awful", "terrible", "dreadful", "boring"];
        string[] filler = ["the", "film", "was", "a", "plot", "actor", "scene", "story", "and", "it"];
        var random = new Random(seed);
        var texts = new List<string>();
        var labels = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            var words = Enumerable.Range(0, 8).Select(_ => filler[random.Next(filler.Length)]).ToList();
            words.Insert(random.Next(words.Count), (label == 1 ? positive : negative)[random.Next(4)]);
            texts.Add(string.Join(' ', words));
            labels.Add(label);
        }

        return (texts, labels);
    }

    [Theory]
    [InlineData(FastTextOptimizer.Sgd)]
    [InlineData(FastTextOptimizer.Adam)]
    public void Train_ToySentiment_LossFallsAndHeldOutAccuracyHigh(FastTextOptimizer optimizer)
    {
        var (texts, labels) = Toy(400, seed: 1);
        var test = Toy(200, seed: 2);

        var result = FastTextTrainer.Train(texts, labels, 2, new FastTextOptions { Dimension = 16, Epochs = 5, MinCount = 1, Optimizer = optimizer }, test: (test.Texts, test.Labels));

        // Untrained, the zero output layer gives loss ln 2 ≈ 0.693 for every example.
        Assert.True(result.Curve[^1].Loss < 0.5 * result.Curve[0].Loss, $"loss {result.Curve[0].Loss:0.000} → {result.Curve[^1].Loss:0.000}");
        Assert.True(result.TestAccuracy > 0.95, $"held-out accuracy {result.TestAccuracy}");
        Assert.Equal(2000, result.ExamplesSeen);
    }

    [Fact]
    public void Train_SameSeed_SameTable()
    {
        var (texts, labels) = Toy(100, seed: 1);
        var options = new FastTextOptions { Dimension = 8, Epochs = 2, MinCount = 1 };

        var a = FastTextTrainer.Train(texts, labels, 2, options);
        var b = FastTextTrainer.Train(texts, labels, 2, options);
        var c = FastTextTrainer.Train(texts, labels, 2, options with { Seed = 99 });

        Assert.Equal(a.Model.Embeddings, b.Model.Embeddings);
        Assert.NotEqual(a.Model.Embeddings, c.Model.Embeddings);
    }

    [Fact]
    public void Train_FrozenEmbeddings_TableUnchanged()
    {
        var (texts, labels) = Toy(100, seed: 1);
        var words = FastTextVocabulary.CountWords(texts, 1, 1000, 600);
        var vectors = new EmbedDashboard.Inference.Static.WordVectors(words, Enumerable.Range(0, words.Count * 8).Select(i => (float)Math.Sin(i)).ToArray(), 8);
        var glove = new EmbedDashboard.Inference.Static.StaticWordEmbedder(vectors, new EmbedderInfo("toy", "toy", EmbedderKind.StaticWordVectors, 8, 0, "", "", ""));
        var options = new FastTextOptions { Dimension = 8, Epochs = 2, MinCount = 1, Init = EmbeddingInit.Glove, FreezeEmbeddings = true, WordBigrams = false };

        var result = FastTextTrainer.Train(texts, labels, 2, options, glove);

        Assert.Equal(words.Count, result.GloveInitialisedWords);
        for (var w = 0; w < words.Count; w++)
        {
            Assert.True(vectors.Vector(w).SequenceEqual(result.Model.Embeddings.AsSpan(w * 8, 8)), $"row of '{words[w]}' changed");
        }
    }

    [Fact]
    public void Train_Cancelled_ThrowsOperationCanceled()
    {
        var (texts, labels) = Toy(2000, seed: 1);
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Point is { Step: > 500 }) cts.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            FastTextTrainer.Train(texts, labels, 2, new FastTextOptions { Dimension = 8, Epochs = 50, MinCount = 1 }, progress: progress, cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData(0, "Dimension must be between 2 and 1000")]
    [InlineData(101, "fixes the dimension at GloVe's 100")]
    public void Validate_BadOptions_SpecificMessage(int dimension, string expected)
    {
        var problems = new FastTextOptions { Dimension = dimension, Init = EmbeddingInit.Glove }.Validate(gloveDimension: 100);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Train_EmptyTrainingSplit_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => FastTextTrainer.Train([], [], 2, new FastTextOptions()));

        Assert.Contains("training split is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embedder_TextVector_IsTheClassifiersHiddenVector()
    {
        var (texts, labels) = Toy(200, seed: 1);
        var result = FastTextTrainer.Train(texts, labels, 2, new FastTextOptions { Dimension = 8, Epochs = 2, MinCount = 1, Subwords = true, Buckets = 1000 });
        var embedder = new TrainedTableEmbedder(result.Vocabulary, result.Model.Embeddings, new EmbedderInfo("ft", "ft", EmbedderKind.TrainedEmbeddingLayer, 8, 0, "", "", ""));

        var batch = await embedder.EmbedAsync([texts[0], "unseenword"], EmbedOptions.Default with { Normalize = false });

        var hidden = new float[8];
        result.Model.Hidden(result.Vocabulary.Features(texts[0], out _, out _), hidden);
        Assert.Equal(hidden, batch.Row(0).ToArray());
        // An unseen word still gets a vector from its character n-grams.
        Assert.False(batch.Missing[1]);
        Assert.Equal(1, batch.Stats.UnknownTokens);
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
