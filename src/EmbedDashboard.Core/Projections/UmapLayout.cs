namespace EmbedDashboard.Core.Projections;

/// <summary>
/// umap-learn's optimize_layout_euclidean: each edge is sampled every max(w)/w epochs, pulling its
/// ends together with the gradient of log(1/(1 + a·d^(2b))) and pushing the head away from a few
/// random points; steps are clipped to ±4 and the learning rate falls linearly to 0.
/// </summary>
internal sealed class UmapLayout
{
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly double[] _epochsPerSample;
    private readonly double[] _epochsPerNegative;
    private readonly double[] _nextSample;
    private readonly double[] _nextNegative;
    private readonly int _epochs;
    private readonly float _a;
    private readonly float _b;
    private readonly int _n;
    private ulong _state;

    public UmapLayout(SparseGraph graph, int epochs, float a, float b, int negativeRate, ulong seed)
    {
        _epochs = epochs;
        _a = a;
        _b = b;
        _n = graph.N;
        _state = seed | 1; // xorshift must not start at 0

        // Edges too weak to be sampled even once in the run are dropped, as umap-learn does.
        var max = graph.Values.Length == 0 ? 0 : graph.Values.Max();
        var head = new List<int>();
        var tail = new List<int>();
        var perSample = new List<double>();
        for (var i = 0; i < _n; i++)
            for (var e = graph.RowStart[i]; e < graph.RowStart[i + 1]; e++)
            {
                var w = graph.Values[e];
                if (w <= 0 || w < max / epochs) continue;
                head.Add(i);
                tail.Add(graph.Columns[e]);
                perSample.Add(max / w);
            }

        _head = head.ToArray();
        _tail = tail.ToArray();
        _epochsPerSample = perSample.ToArray();
        _epochsPerNegative = _epochsPerSample.Select(v => v / negativeRate).ToArray();
        _nextSample = (double[])_epochsPerSample.Clone();
        _nextNegative = (double[])_epochsPerNegative.Clone();
    }

    public void RunEpoch(float[] y, int dim, int epoch)
    {
        var alpha = (float)(1.0 - (double)epoch / _epochs);
        Span<float> delta = stackalloc float[dim];
        for (var e = 0; e < _head.Length; e++)
        {
            if (_nextSample[e] > epoch) continue;
            var (i, j) = (_head[e], _tail[e]);
            var d2 = SquaredDistance(y, i, j, dim, delta);
            if (d2 > 0)
            {
                var pb = MathF.Pow(d2, _b);
                var coefficient = -2 * _a * _b * (pb / d2) / (_a * pb + 1);
                for (var c = 0; c < dim; c++)
                {
                    var step = Clip(coefficient * delta[c]) * alpha;
                    y[i * dim + c] += step;
                    y[j * dim + c] -= step;
                }
            }

            _nextSample[e] += _epochsPerSample[e];

            var negatives = (int)((epoch - _nextNegative[e]) / _epochsPerNegative[e]);
            for (var s = 0; s < negatives; s++)
            {
                var k = (int)(Next() % (ulong)_n);
                if (k == i) continue;
                d2 = SquaredDistance(y, i, k, dim, delta);
                if (d2 <= 0) continue; // coincident points: no defined direction, umap-learn skips too
                // gamma = 1; the 0.001 keeps the repulsion finite for near-coincident points.
                var coefficient = 2 * _b / ((0.001f + d2) * (_a * MathF.Pow(d2, _b) + 1));
                for (var c = 0; c < dim; c++) y[i * dim + c] += Clip(coefficient * delta[c]) * alpha;
            }

            _nextNegative[e] += negatives * _epochsPerNegative[e];
        }
    }

    private static float SquaredDistance(float[] y, int i, int j, int dim, Span<float> delta)
    {
        var d2 = 0f;
        for (var c = 0; c < dim; c++)
        {
            delta[c] = y[i * dim + c] - y[j * dim + c];
            d2 += delta[c] * delta[c];
        }

        return d2;
    }

    private static float Clip(float value) => value > 4 ? 4 : value < -4 ? -4 : value;

    /// <summary>xorshift64*: fast, seeded, and the same sequence on every platform (unlike System.Random's unseeded paths).</summary>
    private ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 2685821657736338717UL;
    }
}
