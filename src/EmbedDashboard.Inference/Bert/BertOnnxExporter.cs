using EmbedDashboard.Inference.Onnx;

namespace EmbedDashboard.Inference.Bert;

/// <summary>
/// Exports a BERT-family encoder (config.json + weights) to an ONNX graph with inputs input_ids,
/// attention_mask, token_type_ids (int64 [batch, sequence]) and output last_hidden_state
/// ([batch, sequence, hidden]), so the shared ONNX Runtime engine can serve any such checkpoint —
/// including weights fine-tuned in this app.
/// </summary>
public static class BertOnnxExporter
{
    public const int Opset = 17; // LayerNormalization is a standard op from 17 on.

    /// <summary>Mask value added to attention scores of padding (same as the reference model).</summary>
    public const float MaskValue = -10000f;

    public static void Export(string safetensorsPath, string configPath, string onnxOutputPath, WeightPrecision precision = WeightPrecision.Float32) =>
        Export(BertWeights.Load(safetensorsPath, configPath), onnxOutputPath, precision);

    /// <summary>Writes atomically: a half-written model never replaces a good one.</summary>
    public static void Export(BertWeights weights, string onnxOutputPath, WeightPrecision precision = WeightPrecision.Float32)
    {
        var bytes = ToOnnxBytes(weights, precision);
        var directory = Path.GetDirectoryName(Path.GetFullPath(onnxOutputPath))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(onnxOutputPath)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, onnxOutputPath, overwrite: true);
    }

    /// <summary>Output name of the hidden state after layer i (0 = the embedding layer) in a <see cref="ToOnnxBytes(BertWeights, bool)"/> graph with all layers.</summary>
    public static string HiddenStateOutput(int layer) => $"hidden_state_{layer}";

    public static byte[] ToOnnxBytes(BertWeights weights) => ToOnnxBytes(weights, WeightPrecision.Float32, allLayers: false);

    public static byte[] ToOnnxBytes(BertWeights weights, bool allLayers) => ToOnnxBytes(weights, WeightPrecision.Float32, allLayers);

    /// <param name="precision">
    /// <see cref="WeightPrecision.Int8"/>: every linear layer of the encoder (Q, K, V, attention output, intermediate, output)
    /// becomes DynamicQuantizeLinear → MatMulInteger → Cast → Mul(scale) → Add(bias), the pattern ONNX Runtime fuses into
    /// one int8 kernel (DynamicQuantizeMatMul); embeddings, LayerNorm, softmax and the attention products stay fp32, as do
    /// the layers <see cref="Int8Quantization.KeepsFloat"/> names.
    /// </param>
    /// <param name="allLayers">
    /// Also output every layer's hidden state (hidden_state_0 = the embedding layer … hidden_state_L = last_hidden_state),
    /// for layer-by-layer analysis. The same nodes as the ordinary graph: extra graph outputs only, so the last layer is
    /// the very tensor the ordinary model returns.
    /// </param>
    public static byte[] ToOnnxBytes(BertWeights weights, WeightPrecision precision, bool allLayers = false)
    {
        string Dense(OnnxGraphBuilder g, string x, Linear lin, string name) =>
            precision switch
            {
                WeightPrecision.Int8 when !Int8Quantization.KeepsFloat(weights, lin) => QuantizedDense(g, x, lin, name),
                WeightPrecision.Int8PerToken when !Int8Quantization.KeepsFloat(weights, lin) => PerTokenDense(g, x, lin, name),
                WeightPrecision.Int8Blockwise => BlockwiseDense(g, x, lin, name),
                _ => FloatDense(g, x, lin, name),
            };

        var c = weights.Config;
        var h = c.HiddenSize;
        var g = new OnnxGraphBuilder("bert_encoder");
        g.Input("input_ids", OnnxGraphBuilder.ElemInt64, "batch_size", "sequence_length");
        g.Input("attention_mask", OnnxGraphBuilder.ElemInt64, "batch_size", "sequence_length");
        g.Input("token_type_ids", OnnxGraphBuilder.ElemInt64, "batch_size", "sequence_length");

        // Embeddings: word + position (0..S-1) + token type, then LayerNorm.
        var wordTable = g.FloatTensor("embeddings.word_embeddings.weight", weights.WordEmbeddings, c.VocabSize, h);
        var posTable = g.FloatTensor("embeddings.position_embeddings.weight", weights.PositionEmbeddings, c.MaxPositions, h);
        var typeTable = g.FloatTensor("embeddings.token_type_embeddings.weight", weights.TokenTypeEmbeddings, c.TypeVocabSize, h);
        var shape = g.Node("Shape", ["input_ids"]);
        var zeroScalar = g.Int64Tensor("const_zero_scalar", [0]);
        var oneScalar = g.Int64Tensor("const_one_scalar", [1]);
        var seqLen = g.Node("Gather", [shape, g.Int64Tensor("const_index_1", [1])], attributes: ("axis", 0L));
        var positions = g.Node("Range", [zeroScalar, seqLen, oneScalar]);
        var x = g.Node("Add", [
            g.Node("Add", [g.Node("Gather", [wordTable, "input_ids"]), g.Node("Gather", [posTable, positions])]),
            g.Node("Gather", [typeTable, "token_type_ids"])]);
        x = LayerNorm(g, x, weights.EmbeddingNorm, "embeddings.LayerNorm", c.LayerNormEps);
        var hiddenStates = new List<string> { x };

        // Additive attention mask [B,1,1,S]: 0 where attended, MaskValue at padding.
        var maskFloat = g.Node("Cast", ["attention_mask"], attributes: ("to", (long)OnnxGraphBuilder.ElemFloat));
        var maskBias = g.Node("Mul", [g.Node("Sub", [g.Scalar("const_one_f", 1f), maskFloat]), g.Scalar("const_mask_value", MaskValue)]);
        maskBias = g.Node("Unsqueeze", [maskBias, g.Int64Tensor("const_axes_1_2", [1, 2], 2)]);

        var headShape = g.Int64Tensor("const_head_shape", [0, 0, c.Heads, c.HeadDim], 4);
        var mergedShape = g.Int64Tensor("const_merged_shape", [0, 0, h], 3);
        var scale = g.Scalar("const_attention_scale", 1f / MathF.Sqrt(c.HeadDim));

        for (var i = 0; i < weights.Layers.Count; i++)
        {
            var l = weights.Layers[i];
            var p = $"encoder.layer.{i}.";
            string qDense, kDense, vDense;
            if (precision == WeightPrecision.Int8PerToken)
            {
                var fused = PerTokenDense(g, x, Concat(l.Query, l.Key, l.Value), p + "attention.self.qkv");
                var parts = g.MultiOutputNodeWithAttr("Split", [fused, g.Int64Tensor(g.Name("c_split"), [h, h, h], 3)], 3, ("axis", -1L));
                (qDense, kDense, vDense) = (parts[0], parts[1], parts[2]);
            }
            else
            {
                (qDense, kDense, vDense) = (Dense(g, x, l.Query, p + "attention.self.query"), Dense(g, x, l.Key, p + "attention.self.key"), Dense(g, x, l.Value, p + "attention.self.value"));
            }

            var q = g.Node("Transpose", [g.Node("Reshape", [qDense, headShape])], attributes: ("perm", new long[] { 0, 2, 1, 3 }));
            var k = g.Node("Transpose", [g.Node("Reshape", [kDense, headShape])], attributes: ("perm", new long[] { 0, 2, 3, 1 }));
            var v = g.Node("Transpose", [g.Node("Reshape", [vDense, headShape])], attributes: ("perm", new long[] { 0, 2, 1, 3 }));
            var scores = g.Node("Add", [g.Node("Mul", [g.Node("MatMul", [q, k]), scale]), maskBias]);
            var probs = g.Node("Softmax", [scores], attributes: ("axis", -1L));
            var context = g.Node("Transpose", [g.Node("MatMul", [probs, v])], attributes: ("perm", new long[] { 0, 2, 1, 3 }));
            context = g.Node("Reshape", [context, mergedShape]);
            var attention = Dense(g, context, l.AttentionOutput, p + "attention.output.dense");
            var x1 = LayerNorm(g, g.Node("Add", [attention, x]), l.AttentionNorm, p + "attention.output.LayerNorm", c.LayerNormEps);
            var inter = Activation(g, Dense(g, x1, l.Intermediate, p + "intermediate.dense"), c.HiddenAct);
            var output = Dense(g, inter, l.Output, p + "output.dense");
            x = LayerNorm(g, g.Node("Add", [output, x1]), l.OutputNorm, p + "output.LayerNorm", c.LayerNormEps);
            hiddenStates.Add(x);
        }

        g.Node("Identity", [x], "last_hidden_state");
        g.Output("last_hidden_state", OnnxGraphBuilder.ElemFloat, "batch_size", "sequence_length", (long)h);
        if (allLayers)
        {
            for (var i = 0; i < hiddenStates.Count; i++)
            {
                g.Node("Identity", [hiddenStates[i]], HiddenStateOutput(i));
                g.Output(HiddenStateOutput(i), OnnxGraphBuilder.ElemFloat, "batch_size", "sequence_length", (long)h);
            }
        }

        return g.Build(Opset, "EmbedDashboard.BertOnnxExporter");
    }

    /// <summary>x · Wᵀ + b, with W stored transposed ([in, out]) so MatMul needs no Transpose node.</summary>
    private static string FloatDense(OnnxGraphBuilder g, string x, Linear lin, string name)
    {
        var transposed = new float[lin.Weight.Length];
        for (var o = 0; o < lin.Out; o++)
        {
            for (var i = 0; i < lin.In; i++)
            {
                transposed[i * lin.Out + o] = lin.Weight[o * lin.In + i];
            }
        }

        var w = g.FloatTensor(name + ".weight_t", transposed, lin.In, lin.Out);
        var b = g.FloatTensor(name + ".bias", lin.Bias, lin.Out);
        return g.Node("Add", [g.Node("MatMul", [x, w]), b]);
    }

    /// <summary>The int8 form of <see cref="FloatDense"/>: the arithmetic of <see cref="Int8Quantization.Dense"/>.</summary>
    private static string QuantizedDense(OnnxGraphBuilder g, string x, Linear lin, string name)
    {
        var q = Int8Quantization.QuantizeWeights(lin);
        var w = g.Int8Tensor(name + ".weight_t_int8", q.TransposedValues, lin.In, lin.Out);
        var wScale = g.FloatTensor(name + ".weight_scale", q.Scales, lin.Out);
        var wZero = g.Int8Tensor(name + ".weight_zero_point", [0]);
        var b = g.FloatTensor(name + ".bias", lin.Bias, lin.Out);
        var quantized = g.MultiOutputNode("DynamicQuantizeLinear", [x], 3); // uint8 values, scale, zero point
        var integers = g.Node("MatMulInteger", [quantized[0], w, quantized[2], wZero]);
        var asFloat = g.Node("Cast", [integers], attributes: ("to", (long)OnnxGraphBuilder.ElemFloat));
        var scaled = g.Node("Mul", [asFloat, g.Node("Mul", [quantized[1], wScale])]);
        return g.Node("Add", [scaled, b]);
    }

    /// <summary>ONNX Runtime's MatMulNBits with 8 bits: weights in blocks of 32 along the input, each with its own scale.</summary>
    private static string BlockwiseDense(OnnxGraphBuilder g, string x, Linear lin, string name)
    {
        const int block = 32;
        var blocks = (lin.In + block - 1) / block;
        var values = new byte[lin.Out * blocks * block];
        var scales = new float[lin.Out * blocks];
        for (var o = 0; o < lin.Out; o++)
        {
            for (var k = 0; k < blocks; k++)
            {
                var row = lin.Weight.AsSpan(o * lin.In + k * block, Math.Min(block, lin.In - k * block));
                var max = 0f;
                foreach (var w in row) max = MathF.Max(max, MathF.Abs(w));
                var scale = max > 0 ? max / 127f : 1f;
                scales[o * blocks + k] = scale;
                for (var i = 0; i < block; i++)
                {
                    var q = i < row.Length ? Math.Clamp(MathF.Round(row[i] / scale, MidpointRounding.ToEven), -127, 127) : 0;
                    values[(o * blocks + k) * block + i] = (byte)(q + 128); // default zero point 2^(bits-1)
                }
            }
        }

        var w8 = g.UInt8Tensor(name + ".weight_q8", values, lin.Out, blocks, block);
        var s = g.FloatTensor(name + ".weight_scales", scales, lin.Out * blocks);
        var b = g.FloatTensor(name + ".bias", lin.Bias, lin.Out);
        var y = g.DomainNode("com.microsoft", "MatMulNBits", [x, w8, s],
            ("K", (long)lin.In), ("N", (long)lin.Out), ("bits", 8L), ("block_size", (long)block), ("accuracy_level", 4L));
        return g.Node("Add", [y, b]);
    }

    /// <summary>Q, K and V as one linear layer (outputs concatenated), so their input is quantized once and multiplied once.</summary>
    private static Linear Concat(params Linear[] parts) => new(
        parts.SelectMany(p => p.Weight).ToArray(), parts.SelectMany(p => p.Bias).ToArray(), parts[0].In, parts.Sum(p => p.Out));

    /// <summary>
    /// <see cref="WeightPrecision.Int8PerToken"/>: each token's activations get their own symmetric scale (max |x| / 127,
    /// stored as uint8 with zero point 128), so a text's vector does not depend on the other texts in its batch. The
    /// token scale is applied after the per-channel weight scale on purpose: as Mul(Cast(MatMulInteger), Mul(a_scale,
    /// b_scale)) ONNX Runtime 1.31 fuses it into MatMulIntegerToFloat and mishandles the [batch, seq, 1] scale (cosine to
    /// fp32 fell to 0.47, measured).
    /// </summary>
    private static string PerTokenDense(OnnxGraphBuilder g, string x, Linear lin, string name)
    {
        var q = Int8Quantization.QuantizeWeights(lin);
        var w = g.Int8Tensor(name + ".weight_t_int8", q.TransposedValues, lin.In, lin.Out);
        var wScale = g.FloatTensor(name + ".weight_scale", q.Scales, lin.Out);
        var wZero = g.Int8Tensor(name + ".weight_zero_point", [0]);
        var b = g.FloatTensor(name + ".bias", lin.Bias, lin.Out);
        var absMax = g.Node("ReduceMax", [g.Node("Abs", [x])], attributes: [("axes", new long[] { -1 }), ("keepdims", 1L)]);
        var scale = g.Node("Div", [g.Node("Max", [absMax, g.Scalar(g.Name("c_tiny"), 1e-12f)]), g.Scalar(g.Name("c_127"), 127f)]);
        var rounded = g.Node("Round", [g.Node("Div", [x, scale])]);
        var shifted = g.Node("Add", [rounded, g.Scalar(g.Name("c_128"), 128f)]);
        var xq = g.Node("Cast", [shifted], attributes: ("to", (long)OnnxGraphBuilder.ElemUInt8));
        var integers = g.Node("MatMulInteger", [xq, w, g.UInt8Tensor(g.Name("c_zp128"), [128]), wZero]);
        var asFloat = g.Node("Cast", [integers], attributes: ("to", (long)OnnxGraphBuilder.ElemFloat));
        var scaled = g.Node("Mul", [g.Node("Mul", [asFloat, wScale]), scale]);
        return g.Node("Add", [scaled, b]);
    }

    private static string LayerNorm(OnnxGraphBuilder g, string x, LayerNormWeights norm, string name, double eps) =>
        g.Node("LayerNormalization",
            [x, g.FloatTensor(name + ".weight", norm.Gamma, norm.Gamma.Length), g.FloatTensor(name + ".bias", norm.Beta, norm.Beta.Length)],
            attributes: [("axis", -1L), ("epsilon", (float)eps)]);

    private static string Activation(OnnxGraphBuilder g, string x, string act)
    {
        if (act == "relu")
        {
            return g.Node("Relu", [x]);
        }

        if (act == "gelu_new")
        {
            // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
            var cube = g.Node("Mul", [g.Node("Mul", [x, x]), x]);
            var inner = g.Node("Mul", [g.Node("Add", [x, g.Node("Mul", [cube, g.Scalar(g.Name("c_gelu_k"), 0.044715f)])]), g.Scalar(g.Name("c_gelu_s"), MathF.Sqrt(2f / MathF.PI))]);
            return g.Node("Mul", [g.Node("Mul", [x, g.Node("Add", [g.Node("Tanh", [inner]), g.Scalar(g.Name("c_one"), 1f)])]), g.Scalar(g.Name("c_half"), 0.5f)]);
        }

        // Exact GELU as in BERT: 0.5·x·(1 + erf(x/√2)).
        var erf = g.Node("Erf", [g.Node("Div", [x, g.Scalar(g.Name("c_sqrt2"), MathF.Sqrt(2f))])]);
        return g.Node("Mul", [g.Node("Mul", [x, g.Node("Add", [erf, g.Scalar(g.Name("c_one"), 1f)])]), g.Scalar(g.Name("c_half"), 0.5f)]);
    }
}
