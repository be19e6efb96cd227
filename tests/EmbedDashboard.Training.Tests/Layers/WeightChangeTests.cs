using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Tests.FineTuning;

namespace EmbedDashboard.Training.Tests.Layers;

public sealed class WeightChangeTests
{
    [Fact]
    public void PerLayer_LastOneLayerTrainedThenExported_FrozenLayersExactlyZero()
    {
        FineTuneFixtures.InitTorch();
        var start = BertWeights.Random(FineTuneFixtures.TinyConfig, 5);
        var (texts, labels) = FineTuneFixtures.ToyCorpus();
        var tuned = EncoderFineTuner.Train(start, FineTuneFixtures.VocabPath, texts, labels, 2,
            new FineTuneOptions { BatchSize = 8, MaxTokens = 32, LearningRate = 1e-3, TrainLastLayers = 1 }, null, CancellationToken.None).Weights;

        // As the layer analysis sees them: both exported to ONNX by the app and read back from there.
        var change = BertWeightChange.PerLayer(RoundTrip(start), RoundTrip(tuned));

        var layers = FineTuneFixtures.TinyConfig.Layers;
        Assert.Equal(layers + 1, change.Length);
        for (var i = 0; i < layers; i++) Assert.Equal(0.0, change[i]); // embedding layer and every frozen transformer layer
        Assert.True(change[layers] > 1e-4, $"the trained last layer moved only {change[layers]}");
    }

    [Fact]
    public void PerLayer_KnownPerturbation_GivesItsRelativeNorm()
    {
        var a = BertWeights.Random(FineTuneFixtures.TinyConfig, 1);
        var scaled = a with { Layers = a.Layers.Select((l, i) => i == 0 ? Scale(l, 1.1f) : l).ToList() };

        var change = BertWeightChange.PerLayer(a, scaled);

        Assert.Equal(0.1, change[1], 5); // every parameter × 1.1 → ‖0.1·W‖/‖W‖
        Assert.Equal(0.0, change[0]);
    }

    private static BertLayerWeights Scale(BertLayerWeights l, float f)
    {
        Linear S(Linear x) => x with { Weight = x.Weight.Select(v => v * f).ToArray(), Bias = x.Bias.Select(v => v * f).ToArray() };
        LayerNormWeights N(LayerNormWeights x) => new(x.Gamma.Select(v => v * f).ToArray(), x.Beta.Select(v => v * f).ToArray());
        return new BertLayerWeights(S(l.Query), S(l.Key), S(l.Value), S(l.AttentionOutput), N(l.AttentionNorm), S(l.Intermediate), S(l.Output), N(l.OutputNorm));
    }

    private static BertWeights RoundTrip(BertWeights weights)
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var onnx = Path.Combine(folder, "model.onnx");
        BertOnnxExporter.Export(weights, onnx);
        File.WriteAllText(Path.Combine(folder, "config.json"), System.Text.Json.JsonSerializer.Serialize(weights.Config));
        return ExportedBertWeights.Load(onnx, Path.Combine(folder, "config.json"));
    }
}
