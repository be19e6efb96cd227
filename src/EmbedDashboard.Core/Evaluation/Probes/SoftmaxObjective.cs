using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>
/// Mean multinomial cross-entropy plus (λ/2)·‖W‖² (bias not penalised) and its gradient, over
/// standardised rows. Parameters are laid out as W (classes × d, row-major) then the biases.
/// Rows are processed in a fixed set of chunks, in parallel, and the partial sums are added in
/// chunk order, so the result is bit-for-bit the same whatever the thread count or scheduling.
/// </summary>
internal sealed class SoftmaxObjective
{
    private const int RowsPerChunk = 256;

    private readonly float[] _z;
    private readonly int[] _y;
    private readonly int _n;
    private readonly int _d;
    private readonly int _classes;
    private readonly double _l2;
    private readonly int _chunks;
    private readonly float[][] _chunkGradients;
    private readonly double[] _chunkLosses;
    private readonly float[] _weights;

    public SoftmaxObjective(float[] standardized, int n, int d, IReadOnlyList<int> y, int classes, double l2)
    {
        _z = standardized;
        _n = n;
        _d = d;
        _classes = classes;
        _l2 = l2;
        _y = [.. y];
        _chunks = Math.Max(1, (n + RowsPerChunk - 1) / RowsPerChunk);
        _chunkGradients = new float[_chunks][];
        for (var k = 0; k < _chunks; k++) _chunkGradients[k] = new float[ParameterCount];
        _chunkLosses = new double[_chunks];
        _weights = new float[ParameterCount];
    }

    public int ParameterCount => _classes * (_d + 1);

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        for (var i = 0; i < _weights.Length; i++) _weights[i] = (float)parameters[i];
        Parallel.For(0, _chunks, AccumulateChunk);

        gradient.Clear();
        double loss = 0;
        for (var k = 0; k < _chunks; k++)
        {
            loss += _chunkLosses[k];
            var partial = _chunkGradients[k];
            for (var i = 0; i < gradient.Length; i++) gradient[i] += partial[i];
        }

        var weightCount = _classes * _d;
        double penalty = 0;
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] /= _n;
            if (i < weightCount)
            {
                gradient[i] += _l2 * parameters[i];
                penalty += parameters[i] * parameters[i];
            }
        }

        return loss / _n + _l2 / 2 * penalty;
    }

    private void AccumulateChunk(int chunk)
    {
        var gradient = _chunkGradients[chunk];
        Array.Clear(gradient);
        var weights = _weights.AsSpan(0, _classes * _d);
        var biases = _weights.AsSpan(_classes * _d, _classes);
        var weightGradient = gradient.AsSpan(0, _classes * _d);
        var biasGradient = gradient.AsSpan(_classes * _d, _classes);
        Span<float> logits = stackalloc float[_classes];
        double loss = 0;
        var end = Math.Min(_n, (chunk + 1) * RowsPerChunk);
        for (var i = chunk * RowsPerChunk; i < end; i++)
        {
            var row = _z.AsSpan(i * _d, _d);
            for (var c = 0; c < _classes; c++) logits[c] = TensorPrimitives.Dot(row, weights.Slice(c * _d, _d)) + biases[c];

            // log-sum-exp with the maximum subtracted, so large logits on separable data do not overflow.
            var max = TensorPrimitives.Max(logits);
            var label = _y[i];
            var shiftedTrueLogit = logits[label] - max;
            double sum = 0;
            for (var c = 0; c < _classes; c++)
            {
                logits[c] = MathF.Exp(logits[c] - max);
                sum += logits[c];
            }

            loss += Math.Log(sum) - shiftedTrueLogit;
            for (var c = 0; c < _classes; c++)
            {
                // d(loss)/d(logit_c) = p_c − [c = y]
                var residual = (float)(logits[c] / sum) - (c == label ? 1f : 0f);
                TensorPrimitives.MultiplyAdd(row, residual, weightGradient.Slice(c * _d, _d), weightGradient.Slice(c * _d, _d));
                biasGradient[c] += residual;
            }
        }

        _chunkLosses[chunk] = loss;
    }
}
