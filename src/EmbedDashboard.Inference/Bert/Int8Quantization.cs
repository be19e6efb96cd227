namespace EmbedDashboard.Inference.Bert;

/// <summary>A linear layer's weights as int8 per output channel: W[o, i] ≈ Values[i, o] · Scales[o] (transposed, as MatMul wants).</summary>
public sealed record QuantizedLinear(sbyte[] TransposedValues, float[] Scales, float[] Bias, int In, int Out);

/// <summary>
/// The integer arithmetic of the int8 export, in one place so the exporter and the C# reference use the same numbers.
/// Weights: symmetric per output channel (zero point 0, range ±127, so no value saturates the u8·s8 products).
/// Activations: ONNX DynamicQuantizeLinear — one asymmetric uint8 scale and zero point per tensor, computed at run time.
/// </summary>
public static class Int8Quantization
{
    /// <summary>How many of the first layers keep their feed-forward output projection (intermediate → hidden) in fp32.</summary>
    public const int FloatFfnOutputLayers = 2;

    /// <summary>
    /// True for the linear layers the int8 export leaves in fp32: the feed-forward output projections of the first
    /// <see cref="FloatFfnOutputLayers"/> layers. Measured on all-MiniLM-L6-v2 (300 STS 2015 headlines, batch 32): every
    /// layer int8 gives a lowest cosine to fp32 of 0.984; these two in fp32 (11% of the linear work) give 0.992 — one
    /// per-tensor uint8 scale resolves their GELU outputs worst. The same rule holds in the export and the C# reference.
    /// </summary>
    public static bool KeepsFloat(BertWeights weights, Linear lin)
    {
        for (var i = 0; i < Math.Min(FloatFfnOutputLayers, weights.Layers.Count); i++)
        {
            if (ReferenceEquals(weights.Layers[i].Output, lin)) return true;
        }

        return false;
    }

    public static QuantizedLinear QuantizeWeights(Linear lin)
    {
        var values = new sbyte[lin.In * lin.Out];
        var scales = new float[lin.Out];
        for (var o = 0; o < lin.Out; o++)
        {
            var row = lin.Weight.AsSpan(o * lin.In, lin.In);
            var max = 0f;
            foreach (var w in row) max = MathF.Max(max, MathF.Abs(w));
            // An all-zero channel still needs a positive scale; its values are all 0 either way.
            var scale = max > 0 ? max / 127f : 1f;
            scales[o] = scale;
            for (var i = 0; i < lin.In; i++)
            {
                values[i * lin.Out + o] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale, MidpointRounding.ToEven), -127, 127);
            }
        }

        return new QuantizedLinear(values, scales, lin.Bias, lin.In, lin.Out);
    }

    /// <summary>
    /// DynamicQuantizeLinear as the ONNX spec defines it: scale = (max(0, max x) − min(0, min x)) / 255,
    /// zero point = saturate(round(−min / scale)), q = saturate(round(x / scale) + zero point); rounding half to even.
    /// </summary>
    public static (float Scale, byte ZeroPoint) QuantizeActivations(ReadOnlySpan<float> x, Span<byte> q)
    {
        float min = 0, max = 0;
        foreach (var v in x)
        {
            min = MathF.Min(min, v);
            max = MathF.Max(max, v);
        }

        var scale = (max - min) / 255f;
        if (scale == 0)
        {
            q.Clear();
            return (0, 0);
        }

        var zeroPoint = (byte)Math.Clamp(MathF.Round(-min / scale, MidpointRounding.ToEven), 0, 255);
        for (var i = 0; i < x.Length; i++)
        {
            q[i] = (byte)Math.Clamp(MathF.Round(x[i] / scale, MidpointRounding.ToEven) + zeroPoint, 0, 255);
        }

        return (scale, zeroPoint);
    }

    /// <summary>
    /// y = (float)Σ (q − zp)·w · (xScale · wScale[o]) + bias for every row of x ([rows, In]), with x quantized as one tensor:
    /// MatMulInteger, Cast, Mul and Add exactly as the exported graph computes them.
    /// </summary>
    public static float[] Dense(ReadOnlySpan<float> x, int rows, QuantizedLinear lin)
    {
        var q = new byte[x.Length];
        var (xScale, zeroPoint) = QuantizeActivations(x, q);
        var y = new float[rows * lin.Out];
        for (var t = 0; t < rows; t++)
        {
            for (var o = 0; o < lin.Out; o++)
            {
                var acc = 0;
                for (var i = 0; i < lin.In; i++)
                {
                    acc += (q[t * lin.In + i] - zeroPoint) * lin.TransposedValues[i * lin.Out + o];
                }

                y[t * lin.Out + o] = acc * (xScale * lin.Scales[o]) + lin.Bias[o];
            }
        }

        return y;
    }
}
