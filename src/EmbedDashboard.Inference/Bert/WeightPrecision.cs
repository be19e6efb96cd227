namespace EmbedDashboard.Inference.Bert;

/// <summary>How the exporter stores the encoder's linear layers.</summary>
public enum WeightPrecision
{
    /// <summary>fp32 weights and arithmetic (the reference).</summary>
    Float32,

    /// <summary>int8 weights per output channel, activations quantized dynamically to uint8 (see <see cref="Int8Quantization"/>).</summary>
    Int8,

    /// <summary>Experimental: ONNX Runtime's MatMulNBits, 8-bit weights in blocks of 32 (measured against <see cref="Int8"/>).</summary>
    Int8Blockwise,
}
