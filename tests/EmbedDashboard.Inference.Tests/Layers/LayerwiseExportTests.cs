using EmbedDashboard.Inference.Bert;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EmbedDashboard.Inference.Tests.Layers;

public sealed class LayerwiseExportTests
{
    private static readonly BertConfig Tiny = new()
    {
        HiddenSize = 8, Layers = 3, Heads = 2, IntermediateSize = 16, VocabSize = 20, MaxPositions = 16, TypeVocabSize = 2,
    };

    [Fact]
    public void ToOnnxBytes_AllLayers_EveryHiddenStateMatchesReferenceIntermediateState()
    {
        var weights = BertWeights.Random(Tiny, seed: 11);
        using var session = new InferenceSession(BertOnnxExporter.ToOnnxBytes(weights, allLayers: true));
        long[][] ids = [[1, 5, 7, 9, 2], [1, 4, 2, 0, 0]];
        long[][] mask = [[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]];
        const int s = 5, h = 8;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids.SelectMany(r => r).ToArray(), [2, s])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask.SelectMany(r => r).ToArray(), [2, s])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[2 * s], [2, s])),
        };
        using var results = session.Run(inputs);
        var reference = new BertReferenceModel(weights);

        Assert.Equal(Tiny.Layers + 2, results.Count); // last_hidden_state + hidden_state_0..L
        for (var row = 0; row < 2; row++)
        {
            var length = (int)mask[row].Sum();
            var expected = reference.ForwardAllLayers(ids[row][..length], mask[row][..length]);
            Assert.Equal(Tiny.Layers + 1, expected.Count);
            for (var layer = 0; layer <= Tiny.Layers; layer++)
            {
                var onnx = results.Single(r => r.Name == BertOnnxExporter.HiddenStateOutput(layer)).AsEnumerable<float>().ToArray();
                for (var i = 0; i < expected[layer].Length; i++)
                {
                    Assert.True(Math.Abs(expected[layer][i] - onnx[row * s * h + i]) < 1e-4, $"layer {layer} row {row} element {i}: {expected[layer][i]} vs {onnx[row * s * h + i]}");
                }
            }
        }

        // The layers differ from one another, so the comparison above cannot pass by returning one state for all.
        var first = results.Single(r => r.Name == BertOnnxExporter.HiddenStateOutput(0)).AsEnumerable<float>().ToArray();
        var last = results.Single(r => r.Name == BertOnnxExporter.HiddenStateOutput(Tiny.Layers)).AsEnumerable<float>().ToArray();
        Assert.True(first.Zip(last).Max(p => Math.Abs(p.First - p.Second)) > 0.1);
    }

    [Fact]
    public void Load_ExportedOnnx_GivesBackTheExportedWeightsExactly()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var weights = BertWeights.Random(Tiny, seed: 5);
        var onnx = Path.Combine(folder, "model.onnx");
        BertOnnxExporter.Export(weights, onnx);
        File.WriteAllText(Path.Combine(folder, "config.json"), System.Text.Json.JsonSerializer.Serialize(Tiny));

        var loaded = ExportedBertWeights.Load(onnx, Path.Combine(folder, "config.json"));

        Assert.Equal(weights.WordEmbeddings, loaded.WordEmbeddings);
        Assert.Equal(weights.EmbeddingNorm.Gamma, loaded.EmbeddingNorm.Gamma);
        for (var i = 0; i < Tiny.Layers; i++)
        {
            Assert.Equal(weights.Layers[i].Query.Weight, loaded.Layers[i].Query.Weight); // transposed back from weight_t
            Assert.Equal(weights.Layers[i].Output.Weight, loaded.Layers[i].Output.Weight);
            Assert.Equal(weights.Layers[i].Intermediate.Bias, loaded.Layers[i].Intermediate.Bias);
        }
    }

    [Fact]
    public void Load_OnnxNotFromTheExporter_RefusedWithReason()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var g = new Inference.Onnx.OnnxGraphBuilder("other");
        g.Input("x", Inference.Onnx.OnnxGraphBuilder.ElemFloat, 1);
        g.Node("Identity", ["x"], "y");
        g.Output("y", Inference.Onnx.OnnxGraphBuilder.ElemFloat, 1);
        g.FloatTensor("onnx::MatMul_7", [1f, 2f], 2);
        var onnx = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(onnx, g.Build(17, "test"));
        File.WriteAllText(Path.Combine(folder, "config.json"), System.Text.Json.JsonSerializer.Serialize(Tiny));

        var ex = Assert.Throws<InvalidDataException>(() => ExportedBertWeights.Load(onnx, Path.Combine(folder, "config.json")));

        Assert.Contains("embeddings.word_embeddings.weight", ex.Message);
    }
}
