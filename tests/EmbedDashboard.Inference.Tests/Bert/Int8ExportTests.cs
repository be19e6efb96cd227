using EmbedDashboard.Inference.Bert;
using Microsoft.ML.OnnxRuntime;

namespace EmbedDashboard.Inference.Tests.Bert;

public sealed class Int8ExportTests
{
    // Wide enough that a quantization step is visible (hidden 8 would round almost nothing away); 3 layers, so one
    // has every linear layer in int8 (the first two keep their FFN output in fp32, see Int8Quantization.KeepsFloat).
    private static readonly BertConfig Small = new()
    {
        HiddenSize = 64, Layers = 3, Heads = 4, IntermediateSize = 128, VocabSize = 50, MaxPositions = 32, TypeVocabSize = 2,
    };

    private static readonly long[] Ids = [1, 5, 7, 9, 12, 30, 41, 2];

    private static float[] RunInt8Onnx(BertWeights weights)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(BertOnnxExporter.ToOnnxBytes(weights, WeightPrecision.Int8), options);
        return BertExporterTests.RunOnnx(session, [Ids], [Ids.Select(_ => 1L).ToArray()]);
    }

    private static double MaxAbsDiff(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();

    [Fact]
    public void ExportInt8_TinyRandomBert_MatchesIntegerReference()
    {
        var weights = BertWeights.Random(Small, seed: 11);
        var mask = Ids.Select(_ => 1L).ToArray();

        var onnx = RunInt8Onnx(weights);
        var int8Reference = new BertReferenceModel(weights, WeightPrecision.Int8).Forward(Ids, mask);
        var fp32Reference = new BertReferenceModel(weights).Forward(Ids, mask);

        var vsInt8 = MaxAbsDiff(onnx, int8Reference);
        var vsFp32 = MaxAbsDiff(onnx, fp32Reference);
        // The C# integer arithmetic reproduces ONNX Runtime's int8 kernels up to float rounding, while the fp32 forward
        // differs by the quantization error itself: the match is to the integer arithmetic, not merely "close to fp32".
        Assert.True(vsInt8 < 1e-3, $"int8 ONNX vs int8 reference: max |Δ| {vsInt8}");
        Assert.True(vsFp32 > 10 * vsInt8, $"int8 ONNX vs fp32 reference {vsFp32} should be far larger than vs int8 reference {vsInt8}");
    }

    [Fact]
    public void QuantizeWeights_PerChannel_ScaleIsChannelMaxOver127()
    {
        var lin = new Linear([0.5f, -1f, 0.25f, 0f, 0f, 0f], [0f, 0f], In: 3, Out: 2);

        var q = Int8Quantization.QuantizeWeights(lin);

        Assert.Equal(1f / 127, q.Scales[0]);
        Assert.Equal(1f, q.Scales[1]); // an all-zero channel keeps a valid scale
        // Transposed [in, out]: channel 0's values are at 0, 2, 4.
        Assert.Equal(new sbyte[] { 64, 0, -127, 0, 32, 0 }, q.TransposedValues);
    }

    [Fact]
    public void QuantizeActivations_RandomTensor_SameAsOnnxRuntimeDynamicQuantizeLinear()
    {
        // The golden values are ONNX Runtime's own: a one-node graph run on the same input.
        var rng = new Random(5);
        var x = Enumerable.Range(0, 257).Select(_ => (float)(rng.NextDouble() * 7 - 2.5)).ToArray();
        x[3] = 0.5f * (5f / 255); // a value exactly between two steps would expose a rounding difference
        var g = new EmbedDashboard.Inference.Onnx.OnnxGraphBuilder("dql");
        g.Input("x", EmbedDashboard.Inference.Onnx.OnnxGraphBuilder.ElemFloat, (long)x.Length);
        var outputs = g.MultiOutputNode("DynamicQuantizeLinear", ["x"], 3);
        g.Node("Identity", [outputs[0]], "y");
        g.Node("Identity", [outputs[1]], "scale");
        g.Node("Identity", [outputs[2]], "zero_point");
        g.Output("y", EmbedDashboard.Inference.Onnx.OnnxGraphBuilder.ElemUInt8, (long)x.Length);
        g.Output("scale", EmbedDashboard.Inference.Onnx.OnnxGraphBuilder.ElemFloat);
        g.Output("zero_point", EmbedDashboard.Inference.Onnx.OnnxGraphBuilder.ElemUInt8);
        using var session = new InferenceSession(g.Build(BertOnnxExporter.Opset, "test"));
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(x, [x.Length]))]);
        var expectedQ = results.First(r => r.Name == "y").AsEnumerable<byte>().ToArray();
        var expectedScale = results.First(r => r.Name == "scale").AsEnumerable<float>().Single();
        var expectedZero = results.First(r => r.Name == "zero_point").AsEnumerable<byte>().Single();
        var q = new byte[x.Length];

        var (scale, zeroPoint) = Int8Quantization.QuantizeActivations(x, q);

        Assert.Equal(expectedScale, scale);
        Assert.Equal(expectedZero, zeroPoint);
        Assert.Equal(expectedQ, q);
    }

    [Fact]
    public void ExportInt8Blockwise_TinyRandomBert_CloseToFp32ButQuantized()
    {
        // MatMulNBits (the measured alternative) dequantizes blocks of 32 weights: near fp32, not equal to it.
        var weights = BertWeights.Random(Small, seed: 11);
        using var session = new InferenceSession(BertOnnxExporter.ToOnnxBytes(weights, WeightPrecision.Int8Blockwise));

        var onnx = BertExporterTests.RunOnnx(session, [Ids], [Ids.Select(_ => 1L).ToArray()]);
        var fp32 = new BertReferenceModel(weights).Forward(Ids, Ids.Select(_ => 1L).ToArray());

        var diff = MaxAbsDiff(onnx, fp32);
        Assert.InRange(diff, 1e-7, 0.05);
    }

    [Fact]
    public void ExportInt8PerToken_PaddedBatch_RowSameAsAloneAndCloseToFp32()
    {
        // Per-token scales: a sequence's output cannot depend on the other rows of its batch (per-tensor scales do).
        var weights = BertWeights.Random(Small, seed: 11);
        using var session = new InferenceSession(BertOnnxExporter.ToOnnxBytes(weights, WeightPrecision.Int8PerToken));
        long[] other = [1, 49, 48, 47, 46, 45, 44, 2];
        long[] shortIds = [1, 5, 7, 2, 0, 0, 0, 0];
        long[] shortMask = [1, 1, 1, 1, 0, 0, 0, 0];

        var alone = BertExporterTests.RunOnnx(session, [shortIds[..4]], [shortMask[..4]]);
        var batched = BertExporterTests.RunOnnx(session, [shortIds, other], [shortMask, other.Select(_ => 1L).ToArray()]);
        var fp32 = new BertReferenceModel(weights).Forward(shortIds[..4], shortMask[..4]);

        Assert.True(MaxAbsDiff(alone, batched[..alone.Length]) < 1e-5, $"batched row differs by {MaxAbsDiff(alone, batched[..alone.Length])}");
        Assert.InRange(MaxAbsDiff(alone, fp32), 1e-7, 0.1);
    }
}
