using System.Numerics.Tensors;

namespace EmbedDashboard.Inference.Engine;

/// <summary>Turns token vectors into one sentence vector (and L2-normalises), as sentence-transformers does.</summary>
public static class PoolingMath
{
    /// <summary>Attention-mask-weighted mean of the token rows [seq, dim] of one sequence.</summary>
    public static void MeanPool(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int dim, Span<float> destination)
    {
        destination.Clear();
        var count = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] != 0)
            {
                TensorPrimitives.Add(destination, tokens.Slice(t * dim, dim), destination);
                count++;
            }
        }

        if (count > 0)
        {
            TensorPrimitives.Divide(destination, count, destination);
        }
    }

    /// <summary>Element-wise maximum over the attended token rows (sentence-transformers' pooling_mode_max_tokens).</summary>
    public static void MaxPool(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int dim, Span<float> destination)
    {
        var first = true;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0) continue;
            if (first)
            {
                tokens.Slice(t * dim, dim).CopyTo(destination);
                first = false;
            }
            else
            {
                TensorPrimitives.Max(destination, tokens.Slice(t * dim, dim), destination);
            }
        }

        if (first) destination.Clear();
    }

    /// <summary>The [CLS] token's vector (first position).</summary>
    public static void ClsPool(ReadOnlySpan<float> tokens, int dim, Span<float> destination) => tokens[..dim].CopyTo(destination);

    /// <summary>Scales to unit length; a zero vector stays zero.</summary>
    public static void L2Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
