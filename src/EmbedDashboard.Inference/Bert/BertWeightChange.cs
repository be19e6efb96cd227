namespace EmbedDashboard.Inference.Bert;

/// <summary>How far fine-tuning moved each layer: ‖W_ft − W_base‖ / ‖W_base‖ over all of the layer's parameters.</summary>
public static class BertWeightChange
{
    /// <summary>Index 0 = the embedding layer (word, position and token-type tables and their LayerNorm); i = transformer layer i.</summary>
    public static double[] PerLayer(BertWeights @base, BertWeights tuned)
    {
        if (@base.Layers.Count != tuned.Layers.Count || @base.Config.HiddenSize != tuned.Config.HiddenSize)
        {
            throw new ArgumentException($"The encoders differ in shape ({@base.Layers.Count}×{@base.Config.HiddenSize} vs {tuned.Layers.Count}×{tuned.Config.HiddenSize}), so their layers cannot be compared.");
        }

        var result = new double[@base.Layers.Count + 1];
        result[0] = Relative(Embedding(@base).Zip(Embedding(tuned)));
        for (var i = 0; i < @base.Layers.Count; i++) result[i + 1] = Relative(Layer(@base.Layers[i]).Zip(Layer(tuned.Layers[i])));
        return result;
    }

    private static IEnumerable<float[]> Embedding(BertWeights w) =>
        [w.WordEmbeddings, w.PositionEmbeddings, w.TokenTypeEmbeddings, w.EmbeddingNorm.Gamma, w.EmbeddingNorm.Beta];

    private static IEnumerable<float[]> Layer(BertLayerWeights l) =>
    [
        l.Query.Weight, l.Query.Bias, l.Key.Weight, l.Key.Bias, l.Value.Weight, l.Value.Bias, l.AttentionOutput.Weight, l.AttentionOutput.Bias,
        l.AttentionNorm.Gamma, l.AttentionNorm.Beta, l.Intermediate.Weight, l.Intermediate.Bias, l.Output.Weight, l.Output.Bias, l.OutputNorm.Gamma, l.OutputNorm.Beta,
    ];

    /// <summary>In double, so a frozen layer (bit-identical floats) gives exactly 0.</summary>
    private static double Relative(IEnumerable<(float[] Base, float[] Tuned)> tensors)
    {
        double diff = 0, norm = 0;
        foreach (var (b, t) in tensors)
        {
            if (b.Length != t.Length) throw new ArgumentException($"A tensor has {b.Length} values in the base and {t.Length} in the fine-tuned encoder.");
            for (var i = 0; i < b.Length; i++)
            {
                double d = t[i] - (double)b[i];
                diff += d * d;
                norm += (double)b[i] * b[i];
            }
        }

        return norm == 0 ? 0 : Math.Sqrt(diff / norm);
    }
}
