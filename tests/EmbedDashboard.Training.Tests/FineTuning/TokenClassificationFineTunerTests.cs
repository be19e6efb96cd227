using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.FineTuning;
using Xunit.Abstractions;

namespace EmbedDashboard.Training.Tests.FineTuning;

public sealed class TokenClassificationFineTunerTests(ITestOutputHelper output)
{
    private static readonly FineTuneOptions Tiny = new() { BatchSize = 4, MaxTokens = 32, LearningRate = 1e-3, HeadLearningRate = 1e-2 };

    private static BertWeights TinyStart() => BertWeights.Random(FineTuneFixtures.TinyConfig, 5);

    private static FineTuneResult Train(BertWeights start, FineTuneOptions options, CancellationToken cancellationToken = default)
    {
        var (sentences, tags) = TokenClassificationFixtures.ToyTagging();
        return TokenClassificationFineTuner.Train(start, FineTuneFixtures.VocabPath, sentences, tags, TokenClassificationFixtures.TagCount, options, null, cancellationToken);
    }

    [Fact]
    public async Task Train_TinyBert_ExportedWordVectorsEqualTorch()
    {
        FineTuneFixtures.InitTorch();
        var start = TinyStart();
        var result = Train(start, Tiny with { Epochs = 2 });
        using var exported = new TokenClassificationFixtures.ExportedModel(result.Weights);
        // The long sentence runs past MaxTokens, so the Missing words are checked too.
        IReadOnlyList<string>[] probe = [["Alice", "flew", "to", "Tokyo"], ["Unaffable", "tokenization", "in", "\u0001", "Berlin", "!"], [.. "one two three four five six seven eight nine ten eleven twelve".Split(' ')]];
        var options = new EmbedOptions { MaxTokens = 10 };

        var served = await exported.Encoder.EmbedWordsAsync(probe, options);
        var tokenizer = new FineTuneTokenizer(FineTuneFixtures.VocabPath);
        var layouts = probe.Select(s => tokenizer.Words(s, exported.Encoder.MaxTokens(options))).ToList();
        var torchVectors = TokenClassificationFixtures.TorchWordVectors(result.Weights, layouts);

        var kept = 0;
        var firsts = layouts.SelectMany(l => l.FirstToken).ToArray();
        Assert.Equal(firsts.Select(f => f < 0), served.Missing);
        Assert.True(served.MissingCount > 0, "the probe should truncate some words");
        for (var word = 0; word < firsts.Length; word++)
        {
            if (firsts[word] < 0) continue;
            var difference = FineTuneFixtures.MaxAbsDifference(served.Row(word), torchVectors[kept++]);
            Assert.True(difference < 1e-4f, $"word {word}: ONNX and TorchSharp differ by {difference}");
        }

        Assert.Equal(torchVectors.Length, kept);
        // Training must have moved the weights, else the equality proves nothing about the fine-tuned model.
        Assert.True(FineTuneFixtures.MaxAbsDifference(start.Layers[^1].Output.Weight, result.Weights.Layers[^1].Output.Weight) > 1e-6f);
    }

    [Fact]
    public void Train_ToyTagging_LastEpochLossBelowHalfOfFirst()
    {
        FineTuneFixtures.InitTorch();
        const int epochs = 12;
        var result = Train(TinyStart(), Tiny with { Epochs = epochs });

        var stepsPerEpoch = result.Curve.Count / epochs; // 16 sentences / 4 per batch, no step skipped
        var first = result.Curve.Take(stepsPerEpoch).Average(p => p.Loss);
        var last = result.Curve.TakeLast(stepsPerEpoch).Average(p => p.Loss);
        output.WriteLine($"loss {first:0.###} → {last:0.###}; {result.ExamplesPerSecond:0.0} sentences/s over the loop, {result.Elapsed.TotalSeconds:0.0} s in all");
        Assert.Equal(epochs * 4, result.Curve.Count);
        Assert.True(last < 0.5 * first, $"loss {first} → {last}");
    }

    [Fact]
    public void Train_LastOneLayer_LowerLayersBitwiseUnchanged()
    {
        FineTuneFixtures.InitTorch();
        var start = TinyStart();

        var result = Train(start, Tiny with { TrainLastLayers = 1 });

        var before = start.ToTensors().ToDictionary(t => t.Name, t => t.Data);
        foreach (var tensor in result.Weights.ToTensors())
        {
            if (tensor.Name.StartsWith("encoder.layer.1.", StringComparison.Ordinal)) continue;
            Assert.True(before[tensor.Name].SequenceEqual(tensor.Data), $"{tensor.Name} changed although frozen");
        }

        Assert.False(before["encoder.layer.1.output.dense.weight"].SequenceEqual(result.Weights.Layers[1].Output.Weight));
    }

    [Fact]
    public void Train_Cancelled_ThrowsOperationCanceled()
    {
        FineTuneFixtures.InitTorch();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Train(TinyStart(), Tiny, cancel.Token));
    }

    [Fact]
    public void Train_TimeBudgetShorterThanRun_StopsEarlyAndSaysSo()
    {
        FineTuneFixtures.InitTorch();
        const int epochs = 10_000;

        var result = Train(TinyStart(), Tiny with { Epochs = epochs, TimeBudget = TimeSpan.FromMilliseconds(300) });

        Assert.True(result.StoppedByTimeBudget);
        Assert.True(result.ExamplesSeen < epochs * 16, $"saw {result.ExamplesSeen} sentences");
    }

    [Fact]
    public void Train_TagsNotMatchingWords_Refused()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences = [["a", "b"]];
        IReadOnlyList<IReadOnlyList<int>> tags = [[0]];

        var error = Assert.Throws<ArgumentException>(() =>
            TokenClassificationFineTuner.Train(TinyStart(), FineTuneFixtures.VocabPath, sentences, tags, 2, Tiny, null, CancellationToken.None));
        Assert.Contains("2 words but 1 tags", error.Message);
    }
}
