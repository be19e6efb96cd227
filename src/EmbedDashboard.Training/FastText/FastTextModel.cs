using System.Numerics.Tensors;

namespace EmbedDashboard.Training.FastText;

/// <summary>
/// Parameters and math of the fastText-style classifier: h = mean of the text's embedding rows,
/// logits = W·h + b, softmax cross-entropy. Gradients are exact (checked against finite differences
/// in the tests); the trainer applies them with SGD or Adam. Not thread-safe while training.
/// </summary>
public sealed class FastTextModel
{
    public FastTextModel(int rows, int dimension, int classes, float[] embeddings)
    {
        if (embeddings.Length != rows * dimension) throw new ArgumentException($"Embedding table has {embeddings.Length} floats, expected {rows}×{dimension}.", nameof(embeddings));
        Rows = rows;
        Dimension = dimension;
        Classes = classes;
        Embeddings = embeddings;
        // fastText starts the output layer at zero: every class equally likely, gradients from the data only.
        Weights = new float[classes * dimension];
        Bias = new float[classes];
    }

    public int Rows { get; }
    public int Dimension { get; }
    public int Classes { get; }
    public float[] Embeddings { get; }
    public float[] Weights { get; }
    public float[] Bias { get; }

    /// <summary>Mean of the rows (zero when there are none).</summary>
    public void Hidden(ReadOnlySpan<int> rows, Span<float> hidden)
    {
        hidden.Clear();
        if (rows.Length == 0) return;
        foreach (var r in rows) TensorPrimitives.Add(hidden, Embeddings.AsSpan(r * Dimension, Dimension), hidden);
        TensorPrimitives.Multiply(hidden, 1f / rows.Length, hidden);
    }

    /// <summary>Class probabilities into <paramref name="probabilities"/>, from a hidden vector.</summary>
    public void Probabilities(ReadOnlySpan<float> hidden, Span<float> probabilities)
    {
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = TensorPrimitives.Dot(Weights.AsSpan(c * Dimension, Dimension), hidden) + Bias[c];
        }

        TensorPrimitives.SoftMax(probabilities, probabilities);
    }

    public int Predict(ReadOnlySpan<int> rows)
    {
        var h = new float[Dimension];
        var p = new float[Classes];
        Hidden(rows, h);
        Probabilities(h, p);
        return TensorPrimitives.IndexOfMax(p);
    }

    public double Loss(ReadOnlySpan<int> rows, int label)
    {
        var h = new float[Dimension];
        var p = new float[Classes];
        Hidden(rows, h);
        Probabilities(h, p);
        return -Math.Log(Math.Max(p[label], 1e-30));
    }

    /// <summary>
    /// Loss and its gradients for one example: dLogits = p − onehot(label); dW = dLogits ⊗ h;
    /// db = dLogits; dh = Wᵀ·dLogits; each occurrence of a row in the text receives dh / count.
    /// Buffers are the caller's so training allocates nothing per example.
    /// </summary>
    public double Gradients(ReadOnlySpan<int> rows, int label, GradientBuffers g)
    {
        Hidden(rows, g.Hidden);
        Probabilities(g.Hidden, g.Logits);
        var loss = -Math.Log(Math.Max(g.Logits[label], 1e-30));
        g.Logits[label] -= 1f; // now dLogits
        g.DHidden.AsSpan().Clear();
        for (var c = 0; c < Classes; c++)
        {
            var w = Weights.AsSpan(c * Dimension, Dimension);
            TensorPrimitives.Multiply(g.Hidden, g.Logits[c], g.DWeights.AsSpan(c * Dimension, Dimension));
            TensorPrimitives.MultiplyAdd(w, g.Logits[c], g.DHidden, g.DHidden);
        }

        g.Logits.AsSpan(0, Classes).CopyTo(g.DBias);
        // Each row's share of the mean: dE[row] = dh / count per occurrence.
        if (rows.Length > 0) TensorPrimitives.Multiply(g.DHidden, 1f / rows.Length, g.DRow);
        else g.DRow.AsSpan().Clear();
        return loss;
    }
}

/// <summary>Scratch space for one example's gradients.</summary>
public sealed class GradientBuffers(int dimension, int classes)
{
    public float[] Hidden { get; } = new float[dimension];
    public float[] Logits { get; } = new float[classes];
    public float[] DHidden { get; } = new float[dimension];
    public float[] DWeights { get; } = new float[classes * dimension];
    public float[] DBias { get; } = new float[classes];

    /// <summary>The gradient of each occurrence of a row (dh / count).</summary>
    public float[] DRow { get; } = new float[dimension];
}
