using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.FineTuning;
using Xunit.Abstractions;

namespace EmbedDashboard.Training.Tests.FineTuning;

public sealed class PairFineTunerTests(ITestOutputHelper output)
{
    private static readonly FineTuneOptions Tiny = new() { BatchSize = 4, MaxTokens = 32, LearningRate = 1e-3, Temperature = 0.1 };

    /// <summary>Questions and the answers they should retrieve (disjoint topics, so a tiny model can learn them).</summary>
    internal static TrainingPair[] ToyFaq() =>
    [
        new("will it rain tomorrow", "rain falls on the hills"),
        new("is a storm coming", "the storm brings thunder and hail"),
        new("how cold is the north wind", "a cold wind blows from the north"),
        new("is the pass snowed in", "snow covers the mountain pass"),
        new("how do I fry onions", "chop the onions and fry them in butter"),
        new("how long does bread bake", "bake the bread for forty minutes"),
        new("how do I thicken a sauce", "simmer the sauce until it thickens"),
        new("how is dough made to rise", "knead the dough and let it rise"),
    ];

    /// <summary>Sentence pairs scored 0–5: paraphrases high, unrelated low.</summary>
    private static TrainingPair[] ToySts() =>
    [
        new("rain falls on the hills", "it is raining on the hills", 4.8),
        new("rain falls on the hills", "bake the bread for forty minutes", 0.2),
        new("the storm brings thunder", "thunder comes with the storm", 4.5),
        new("the storm brings thunder", "knead the dough", 0.1),
        new("chop the onions", "cut up the onions", 4.6),
        new("chop the onions", "snow covers the pass", 0.3),
        new("roast the chicken", "the chicken is roasted", 4.0),
        new("roast the chicken", "fog rolls over the harbour", 0.0),
    ];

    private static FineTuneResult Train(BertWeights start, TrainingPair[] pairs, PairObjective objective, FineTuneOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PairFineTuner.Train(start, FineTuneFixtures.VocabPath, pairs, objective, options, PairPrefixes.None, progress, cancellationToken);

    [Fact]
    public async Task Train_FewContrastiveSteps_ExportedOnnxReproducesTorch()
    {
        FineTuneFixtures.InitTorch();
        var start = FineTuneFixtures.MiniLm;
        var result = Train(start, ToyFaq(), PairObjective.Contrastive, new FineTuneOptions { TrainLastLayers = 1, BatchSize = 4, MaxTokens = 32, LearningRate = 1e-4 });
        await FineTuneFixtures.AssertExportReproducesTorchAsync(start, result.Weights, ["will it rain tomorrow?", "Knead the dough.", "A sentence about trains and timetables."]);
    }

    [Theory]
    [InlineData(PairObjective.Contrastive, false)]
    [InlineData(PairObjective.Contrastive, true)]
    [InlineData(PairObjective.Similarity, false)]
    public void Train_ToyPairs_LossFalls(PairObjective objective, bool hardNegatives)
    {
        FineTuneFixtures.InitTorch();
        var pairs = objective == PairObjective.Similarity ? ToySts() : ToyFaq();

        var result = Train(BertWeights.Random(FineTuneFixtures.TinyConfig, 5), pairs, objective, Tiny with { Epochs = 30, HardNegatives = hardNegatives });

        // 8 pairs / batch 4 = 2 steps per epoch.
        Assert.Equal(60, result.Curve.Count);
        var first = result.Curve.Take(10).Average(p => p.Loss);
        var last = result.Curve.TakeLast(10).Average(p => p.Loss);
        output.WriteLine($"{objective}{(hardNegatives ? " + hard negatives" : "")}: loss {first:0.###} → {last:0.###}");
        Assert.True(last < first * 0.7, $"loss went from {first:0.###} to {last:0.###}");
    }

    [Fact]
    public void Train_LastOneLayer_LowerLayersUnchanged()
    {
        FineTuneFixtures.InitTorch();
        var start = BertWeights.Random(FineTuneFixtures.TinyConfig, 5);

        var result = Train(start, ToySts(), PairObjective.Similarity, Tiny with { TrainLastLayers = 1 });

        var before = start.ToTensors().ToDictionary(t => t.Name, t => t.Data);
        foreach (var tensor in result.Weights.ToTensors().Where(t => !t.Name.StartsWith("encoder.layer.1.", StringComparison.Ordinal)))
        {
            Assert.True(before[tensor.Name].SequenceEqual(tensor.Data), $"{tensor.Name} changed although frozen");
        }

        Assert.False(before["encoder.layer.1.output.dense.weight"].SequenceEqual(result.Weights.Layers[1].Output.Weight));
    }

    [Fact]
    public void Train_Cancelled_ThrowsOperationCanceled()
    {
        FineTuneFixtures.InitTorch();
        using var cts = new CancellationTokenSource();
        var steps = 0;
        // Cancel from the first progress report: the next step must not run.
        var progress = new SyncProgress(_ => { steps++; cts.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Train(BertWeights.Random(FineTuneFixtures.TinyConfig, 5), ToyFaq(), PairObjective.Contrastive, Tiny with { Epochs = 5 }, progress, cts.Token));
        Assert.Equal(1, steps);
    }

    [Fact]
    public void Train_SimilarityPairWithoutScore_RefusedWithReason()
    {
        TrainingPair[] pairs = [new("a", "b", 1), new("c", "d")];

        var error = Assert.Throws<ArgumentException>(() => Train(BertWeights.Random(FineTuneFixtures.TinyConfig, 5), pairs, PairObjective.Similarity, Tiny));

        Assert.Contains("gold score on every pair", error.Message);
    }

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool, after the step).</summary>
    private sealed class SyncProgress(Action<TrainingProgress> action) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => action(value);
    }
}
