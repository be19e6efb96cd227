using EmbedDashboard.Inference.Bert;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EmbedDashboard.Inference.Tests.Bert;

public sealed class BertExporterTests
{
    private static readonly BertConfig Tiny = new()
    {
        HiddenSize = 8, Layers = 2, Heads = 2, IntermediateSize = 16, VocabSize = 20, MaxPositions = 16, TypeVocabSize = 2,
    };

    internal static float[] RunOnnx(InferenceSession session, long[][] ids, long[][] mask)
    {
        int b = ids.Length, s = ids[0].Length;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids.SelectMany(r => r).ToArray(), [b, s])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask.SelectMany(r => r).ToArray(), [b, s])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[b * s], [b, s])),
        };
        using var results = session.Run(inputs);
        return results.First().AsEnumerable<float>().ToArray();
    }

    [Fact]
    public void Export_TinyRandomBert_MatchesReferenceForwardWithPadding()
    {
        var weights = BertWeights.Random(Tiny, seed: 7);
        using var session = new InferenceSession(BertOnnxExporter.ToOnnxBytes(weights));
        long[][] ids = [[1, 5, 7, 9, 2], [1, 4, 2, 0, 0]];
        long[][] mask = [[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]];

        var onnx = RunOnnx(session, ids, mask);

        var reference = new BertReferenceModel(weights);
        for (var row = 0; row < 2; row++)
        {
            var length = (int)mask[row].Sum();
            var expected = reference.Forward(ids[row][..length], mask[row][..length]);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - onnx[row * 5 * 8 + i]) < 1e-4, $"row {row} element {i}: {expected[i]} vs {onnx[row * 5 * 8 + i]}");
            }
        }
    }

    [Fact]
    public void Load_MissingFile_MessageHasFullPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir", "model.safetensors");

        var ex = Assert.Throws<FileNotFoundException>(() => SafetensorsReader.ReadAll(path));

        Assert.Contains(Path.GetFullPath(path), ex.Message);
    }

    [Fact]
    public void ReadAll_F32RoundTrip_SameValuesAndShapes()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "w.safetensors");
        var weights = BertWeights.Random(Tiny, seed: 3);
        SafetensorsReader.WriteF32(path, weights.ToTensors());

        var loaded = BertWeights.FromTensors(Tiny, SafetensorsReader.ReadAll(path), path);

        Assert.Equal(weights.WordEmbeddings, loaded.WordEmbeddings);
        Assert.Equal(weights.Layers[1].Output.Weight, loaded.Layers[1].Output.Weight);
    }

    [Fact]
    public void FromTensors_WrongShape_NamesTensorAndShapes()
    {
        var tensors = BertWeights.Random(Tiny, seed: 3).ToTensors().ToDictionary(t => t.Name);
        tensors["encoder.layer.0.attention.self.query.weight"] = new NamedTensor("encoder.layer.0.attention.self.query.weight", [8, 7], new float[56]);

        var ex = Assert.Throws<InvalidDataException>(() => BertWeights.FromTensors(Tiny, tensors, "test.safetensors"));

        Assert.Contains("encoder.layer.0.attention.self.query.weight", ex.Message);
        Assert.Contains("[8,7]", ex.Message);
    }

    [Fact]
    public void Erf_KnownValues_MatchTables()
    {
        // erf(0.5) = 0.5204998778, erf(1) = 0.8427007929, erf(-2) = -0.9953222650 (Abramowitz & Stegun table 7.1).
        Assert.Equal(0.5204998778, BertReferenceModel.Erf(0.5), 6);
        Assert.Equal(0.8427007929, BertReferenceModel.Erf(1), 6);
        Assert.Equal(-0.9953222650, BertReferenceModel.Erf(-2), 6);
    }
}
