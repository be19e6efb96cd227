using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>
/// Multinomial logistic regression with L2 penalty on standardised features, trained full-batch with
/// Nesterov-accelerated gradient descent: the linear probe of SentEval/MTEB. Deterministic (zero init).
/// </summary>
public sealed class LogisticRegression
{
    private float[] _weights = [];
    private float[] _bias = [];
    private float[] _mean = [];
    private float[] _scale = [];
    private int _dim;

    public int Classes { get; private set; }

    public static LogisticRegression Fit(float[] x, int n, int d, IReadOnlyList<int> y, int classes, double l2 = 1e-3, int iterations = 300, CancellationToken cancellationToken = default)
    {
        var model = new LogisticRegression { Classes = classes, _dim = d };
        (model._mean, model._scale) = Standardizer(x, n, d);
        var z = model.Standardize(x, n);
        var w = new float[classes * d];
        var b = new float[classes];
        var vw = new float[w.Length];
        var vb = new float[classes];
        var gw = new float[w.Length];
        var gb = new float[classes];
        var probs = new float[classes];
        const float lr = 0.5f, momentum = 0.9f;
        var lookW = new float[w.Length];
        var lookB = new float[classes];
        for (var it = 0; it < iterations; it++)
        {
            if (it % 20 == 0) cancellationToken.ThrowIfCancellationRequested();
            // Nesterov: gradient at the look-ahead point.
            for (var k = 0; k < w.Length; k++) lookW[k] = w[k] + momentum * vw[k];
            for (var k = 0; k < classes; k++) lookB[k] = b[k] + momentum * vb[k];
            Array.Clear(gw);
            Array.Clear(gb);
            for (var i = 0; i < n; i++)
            {
                var row = z.AsSpan(i * d, d);
                for (var c = 0; c < classes; c++) probs[c] = TensorPrimitives.Dot(row, lookW.AsSpan(c * d, d)) + lookB[c];
                TensorPrimitives.SoftMax(probs, probs);
                probs[y[i]] -= 1;
                for (var c = 0; c < classes; c++)
                {
                    TensorPrimitives.MultiplyAdd(row, probs[c], gw.AsSpan(c * d, d), gw.AsSpan(c * d, d));
                    gb[c] += probs[c];
                }
            }

            for (var k = 0; k < w.Length; k++)
            {
                var grad = gw[k] / n + (float)l2 * lookW[k];
                vw[k] = momentum * vw[k] - lr * grad;
                w[k] += vw[k];
            }

            for (var c = 0; c < classes; c++)
            {
                vb[c] = momentum * vb[c] - lr * gb[c] / n;
                b[c] += vb[c];
            }
        }

        model._weights = w;
        model._bias = b;
        return model;
    }

    public int[] Predict(float[] x, int n)
    {
        var z = Standardize(x, n);
        var result = new int[n];
        var scores = new float[Classes];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < Classes; c++) scores[c] = TensorPrimitives.Dot(z.AsSpan(i * _dim, _dim), _weights.AsSpan(c * _dim, _dim)) + _bias[c];
            result[i] = TensorPrimitives.IndexOfMax(scores);
        }

        return result;
    }

    private float[] Standardize(float[] x, int n)
    {
        var z = new float[n * _dim];
        for (var i = 0; i < n; i++)
        {
            var row = z.AsSpan(i * _dim, _dim);
            TensorPrimitives.Subtract(x.AsSpan(i * _dim, _dim), _mean, row);
            TensorPrimitives.Multiply(row, _scale, row);
        }

        return z;
    }

    private static (float[] Mean, float[] InverseStd) Standardizer(float[] x, int n, int d)
    {
        var mean = new float[d];
        var sq = new float[d];
        for (var i = 0; i < n; i++) TensorPrimitives.Add(mean, x.AsSpan(i * d, d), mean);
        TensorPrimitives.Divide(mean, n, mean);
        var diff = new float[d];
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.Subtract(x.AsSpan(i * d, d), mean, diff);
            TensorPrimitives.MultiplyAdd(diff, diff, sq, sq);
        }

        var inv = sq.Select(s => s <= 1e-12f ? 0f : 1f / MathF.Sqrt(s / n)).ToArray();
        return (mean, inv);
    }
}
