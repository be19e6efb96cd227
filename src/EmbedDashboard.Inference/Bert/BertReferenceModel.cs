using System.Numerics.Tensors;

namespace EmbedDashboard.Inference.Bert;

/// <summary>
/// A plain C# BERT forward pass, written from the paper/Hugging Face semantics and independent of
/// the ONNX graph, so the exported model can be checked against it. With <see cref="WeightPrecision.Int8"/> the linear
/// layers use <see cref="Int8Quantization"/>'s integer arithmetic (one sequence = one activation tensor, as a batch of 1).
/// </summary>
public sealed class BertReferenceModel(BertWeights weights, WeightPrecision precision = WeightPrecision.Float32)
{
    private readonly Dictionary<Linear, QuantizedLinear> _quantized = precision == WeightPrecision.Int8
        ? weights.Layers.SelectMany(l => new[] { l.Query, l.Key, l.Value, l.AttentionOutput, l.Intermediate, l.Output })
            .Distinct(ReferenceEqualityComparer.Instance).Cast<Linear>().Where(l => !Int8Quantization.KeepsFloat(weights, l))
            .ToDictionary(l => l, Int8Quantization.QuantizeWeights, ReferenceEqualityComparer.Instance as IEqualityComparer<Linear>)
        : [];

    /// <summary>last_hidden_state for one sequence: [seq, hidden] row-major.</summary>
    public float[] Forward(IReadOnlyList<long> inputIds, IReadOnlyList<long> attentionMask, IReadOnlyList<long>? tokenTypeIds = null) =>
        ForwardAllLayers(inputIds, attentionMask, tokenTypeIds)[^1];

    /// <summary>Every hidden state of one sequence, [seq, hidden] each: index 0 is the embedding layer's output, index i the output of layer i.</summary>
    public IReadOnlyList<float[]> ForwardAllLayers(IReadOnlyList<long> inputIds, IReadOnlyList<long> attentionMask, IReadOnlyList<long>? tokenTypeIds = null)
    {
        var c = weights.Config;
        int s = inputIds.Count, h = c.HiddenSize;
        var x = new float[s * h];
        for (var t = 0; t < s; t++)
        {
            var row = x.AsSpan(t * h, h);
            TensorPrimitives.Add(weights.WordEmbeddings.AsSpan((int)inputIds[t] * h, h), weights.PositionEmbeddings.AsSpan(t * h, h), row);
            TensorPrimitives.Add(row, weights.TokenTypeEmbeddings.AsSpan((int)(tokenTypeIds?[t] ?? 0) * h, h), row);
            LayerNormInPlace(row, weights.EmbeddingNorm, c.LayerNormEps);
        }

        var states = new List<float[]>(weights.Layers.Count + 1) { x };
        foreach (var layer in weights.Layers)
        {
            x = Layer(x, s, layer, attentionMask);
            states.Add(x);
        }

        return states;
    }

    private float[] Layer(float[] x, int s, BertLayerWeights l, IReadOnlyList<long> mask)
    {
        var c = weights.Config;
        int h = c.HiddenSize, heads = c.Heads, hd = c.HeadDim;
        var q = Dense(x, s, l.Query);
        var k = Dense(x, s, l.Key);
        var v = Dense(x, s, l.Value);
        var context = new float[s * h];
        var scores = new float[s];
        var scale = 1f / MathF.Sqrt(hd);
        for (var head = 0; head < heads; head++)
        {
            for (var i = 0; i < s; i++)
            {
                var qi = q.AsSpan(i * h + head * hd, hd);
                for (var j = 0; j < s; j++)
                {
                    scores[j] = TensorPrimitives.Dot(qi, k.AsSpan(j * h + head * hd, hd)) * scale + (1 - mask[j]) * BertOnnxExporter.MaskValue;
                }

                TensorPrimitives.SoftMax(scores, scores);
                var ctx = context.AsSpan(i * h + head * hd, hd);
                for (var j = 0; j < s; j++)
                {
                    TensorPrimitives.MultiplyAdd(v.AsSpan(j * h + head * hd, hd), scores[j], ctx, ctx);
                }
            }
        }

        var attention = Dense(context, s, l.AttentionOutput);
        TensorPrimitives.Add(attention, x, attention);
        for (var t = 0; t < s; t++) LayerNormInPlace(attention.AsSpan(t * h, h), l.AttentionNorm, c.LayerNormEps);

        var inter = Dense(attention, s, l.Intermediate);
        for (var i = 0; i < inter.Length; i++) inter[i] = Activate(inter[i], c.HiddenAct);
        var output = Dense(inter, s, l.Output);
        TensorPrimitives.Add(output, attention, output);
        for (var t = 0; t < s; t++) LayerNormInPlace(output.AsSpan(t * h, h), l.OutputNorm, c.LayerNormEps);
        return output;
    }

    private float[] Dense(float[] x, int s, Linear lin)
    {
        if (_quantized.TryGetValue(lin, out var q))
        {
            return Int8Quantization.Dense(x, s, q);
        }

        var y = new float[s * lin.Out];
        for (var t = 0; t < s; t++)
        {
            var xt = x.AsSpan(t * lin.In, lin.In);
            for (var o = 0; o < lin.Out; o++)
            {
                y[t * lin.Out + o] = TensorPrimitives.Dot(xt, lin.Weight.AsSpan(o * lin.In, lin.In)) + lin.Bias[o];
            }
        }

        return y;
    }

    private static void LayerNormInPlace(Span<float> row, LayerNormWeights norm, double eps)
    {
        var mean = TensorPrimitives.Sum(row) / row.Length;
        double variance = 0;
        foreach (var value in row) variance += (value - mean) * (value - mean);
        var inv = (float)(1 / Math.Sqrt(variance / row.Length + eps));
        for (var i = 0; i < row.Length; i++) row[i] = (row[i] - mean) * inv * norm.Gamma[i] + norm.Beta[i];
    }

    private static float Activate(float x, string act) => act switch
    {
        "relu" => MathF.Max(0, x),
        "gelu_new" => 0.5f * x * (1 + MathF.Tanh(MathF.Sqrt(2 / MathF.PI) * (x + 0.044715f * x * x * x))),
        _ => (float)(0.5 * x * (1 + Erf(x / Math.Sqrt(2)))),
    };

    /// <summary>erf with |error| &lt; 1.2e-7 (Numerical Recipes erfc Chebyshev fit); .NET has no Math.Erf.</summary>
    internal static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - r : r - 1;
    }
}
