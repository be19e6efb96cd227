using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.FineTuning;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.Tests.FineTuning;

public sealed class TorchBertEncoderTests
{
    [Fact]
    public void Forward_TinyRandomBert_MatchesReferenceWithin1e4()
    {
        FineTuneFixtures.InitTorch();
        var config = FineTuneFixtures.TinyConfig with { VocabSize = 50, MaxPositions = 16 };
        var weights = BertWeights.Random(config, seed: 7);
        int[][] sequences = [[2, 17, 33, 4, 49, 3], [2, 8, 3]]; // different lengths: row 1 gets 3 padding positions
        using var encoder = TorchBertEncoder.FromWeights(weights);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (ids, mask) = TorchBertEncoder.Pad(sequences);
        var hidden = encoder.Forward(ids, mask);

        var reference = new BertReferenceModel(weights);
        for (var r = 0; r < sequences.Length; r++)
        {
            var seq = sequences[r];
            var expected = reference.Forward(seq.Select(x => (long)x).ToArray(), seq.Select(_ => 1L).ToArray());
            var actual = hidden[r].narrow(0, 0, seq.Length).contiguous().data<float>().ToArray();
            Assert.True(FineTuneFixtures.MaxAbsDifference(expected, actual) < 1e-4f, $"row {r} differs by {FineTuneFixtures.MaxAbsDifference(expected, actual)}");
        }
    }

    [Fact]
    public async Task Forward_MiniLm_MatchesOnnxWithin1e4()
    {
        FineTuneFixtures.InitTorch();
        string[] texts = ["A man is playing a guitar.", "The new movie is awesome", "Cats sleep most of the day, often in the sun near a window."];
        using var onnx = FineTuneFixtures.OpenEncoder(FineTuneFixtures.OnnxPath, 384);

        var expected = await onnx.EmbedAsync(texts, EmbedOptions.Default);
        var actual = FineTuneFixtures.TorchVectors(FineTuneFixtures.MiniLm, onnx, texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var difference = FineTuneFixtures.MaxAbsDifference(expected.Data.AsSpan(i * 384, 384), actual[i]);
            Assert.True(difference < 1e-4f, $"text {i} differs by {difference}");
        }
    }

    [Fact]
    public void ToWeights_AfterFromWeights_RoundTripsExactly()
    {
        FineTuneFixtures.InitTorch();
        var weights = BertWeights.Random(FineTuneFixtures.TinyConfig with { VocabSize = 50, MaxPositions = 16 }, seed: 3);
        using var encoder = TorchBertEncoder.FromWeights(weights);

        var back = encoder.ToWeights();

        Assert.Equal(weights.ToTensors().Select(t => t.Name), back.ToTensors().Select(t => t.Name));
        foreach (var (a, b) in weights.ToTensors().Zip(back.ToTensors()))
        {
            Assert.Equal(a.Data, b.Data);
        }
    }

    [Fact]
    public void Forward_TrainMode_DropoutVariesOutputAndEvalModeDoesNot()
    {
        FineTuneFixtures.InitTorch();
        var weights = BertWeights.Random(FineTuneFixtures.TinyConfig with { VocabSize = 50, MaxPositions = 16 }, seed: 11);
        using var encoder = TorchBertEncoder.FromWeights(weights);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (ids, mask) = TorchBertEncoder.Pad([[2, 5, 9, 3]]);

        var eval1 = encoder.Forward(ids, mask).data<float>().ToArray();
        var eval2 = encoder.Forward(ids, mask).data<float>().ToArray();
        encoder.train();
        var train1 = encoder.Forward(ids, mask).data<float>().ToArray();
        var train2 = encoder.Forward(ids, mask).data<float>().ToArray();

        Assert.Equal(eval1, eval2);
        // Dropout 0.1 on 32-wide hidden states: two draws agreeing everywhere is practically impossible.
        Assert.True(FineTuneFixtures.MaxAbsDifference(train1, train2) > 1e-3f);
        Assert.True(FineTuneFixtures.MaxAbsDifference(eval1, train1) > 1e-3f);
    }

    [Fact]
    public void MeanPool_PaddedRow_AveragesOnlyMaskedTokens()
    {
        FineTuneFixtures.InitTorch();
        using var scope = NewDisposeScope();
        // Row 0: tokens (1,2) and (3,4) with a padding row (100,100) that must not count → (2,3).
        var hidden = tensor(new float[] { 1, 2, 3, 4, 100, 100 }, [1, 3, 2]);
        var mask = tensor(new long[] { 1, 1, 0 }, [1, 3]);

        var pooled = TorchBertEncoder.MeanPool(hidden, mask).data<float>().ToArray();

        Assert.Equal([2f, 3f], pooled);
    }
}
