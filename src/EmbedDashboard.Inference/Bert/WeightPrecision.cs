namespace EmbedDashboard.Inference.Bert;

/// <summary>How the exporter stores the encoder's linear layers.</summary>
public enum WeightPrecision
{
    /// <summary>fp32 weights and arithmetic (the reference).</summary>
    Float32,

    /// <summary>
    /// int8 weights per output channel, activations quantized dynamically to uint8, one scale per tensor (see
    /// <see cref="Int8Quantization"/>). The fastest here; a text's vector depends slightly on its batch mates, since they share the scale.
    /// </summary>
    Int8,

    /// <summary>
    /// int8 weights as <see cref="Int8"/>, activations quantized per token instead of per tensor (Q, K, V as one product):
    /// batch-independent vectors, closer to fp32, but slower here (measured; see README, Benchmark).
    /// </summary>
    Int8PerToken,

    /// <summary>Experimental: ONNX Runtime's MatMulNBits, 8-bit weights in blocks of 32 (measured against <see cref="Int8"/>).</summary>
    Int8Blockwise,
}
