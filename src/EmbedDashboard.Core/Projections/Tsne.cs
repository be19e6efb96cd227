using System.Diagnostics;

namespace EmbedDashboard.Core.Projections;

/// <summary>
/// t-SNE settings. Iterations counts the steps after the 250 early-exaggeration steps (sklearn's
/// max_iter = 1000 is 250 + 750). PcaDimensions: inputs wider than this are first reduced by PCA,
/// as is usual for t-SNE on embeddings (0 = never); it speeds up the kNN and removes noise dimensions.
/// </summary>
public sealed record TsneOptions
{
    public int Components { get; init; } = 2;
    public double Perplexity { get; init; } = 30;
    public int Iterations { get; init; } = 750;
    public double Theta { get; init; } = 0.5;
    public int Seed { get; init; } = 13;
    public int PcaDimensions { get; init; } = 50;
}

/// <summary>
/// Barnes–Hut t-SNE (van der Maaten 2014), following sklearn's TSNE(method="barnes_hut",
/// init="pca", learning_rate="auto"): sparse P from a 3·perplexity kNN graph, early exaggeration 12
/// for 250 steps with momentum 0.5, then momentum 0.8, delta-bar-delta gains, and a quadtree/octree
/// for the repulsive forces. Deterministic for a given seed whatever the thread count: every
/// point's force is computed independently and the normalisation Z is summed in index order.
/// </summary>
public static class Tsne
{
    private const double EarlyExaggeration = 12;
    private const int ExaggerationIterations = 250;
    private const double MinGain = 0.01;

    public static Projection Project(float[] data, int n, int d, TsneOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        Validate(data, n, d, options);
        var dim = options.Components;

        // 1. Optional PCA; its leading columns also give the initial layout (PCA columns are ordered by variance).
        float[] features;
        int featureDim;
        if (options.PcaDimensions > 0 && d > options.PcaDimensions)
        {
            featureDim = Math.Min(options.PcaDimensions, n);
            features = ProjectionInput.PcaCoordinates(data, n, d, featureDim);
            featureDim = features.Length / n;
        }
        else
        {
            (features, featureDim) = (data, d);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(0.02);
        var init = featureDim >= dim && features != data ? features : ProjectionInput.PcaCoordinates(features, n, featureDim, dim);
        var initDim = init.Length / n;

        // 2. Perplexity-calibrated sparse P.
        var k = Math.Min(n - 1, (int)Math.Ceiling(3 * options.Perplexity));
        var knn = ExactNeighbours.Compute(features, n, featureDim, k, new Scaled(progress, 0.02, 0.08), cancellationToken);
        var p = JointProbabilities(knn, options.Perplexity, cancellationToken);
        progress?.Report(0.1);

        // 3. Initial layout: PCA scaled so the first axis has std 1e-4 (sklearn), plus a seeded jitter
        //    of 1% of that. The jitter separates duplicate points (which would otherwise feel identical
        //    forces forever) and is the only use of the seed, since PCA itself is deterministic.
        var y = new double[n * dim];
        var mean0 = 0.0;
        for (var i = 0; i < n; i++) mean0 += init[i * initDim];
        mean0 /= n;
        var var0 = 0.0;
        for (var i = 0; i < n; i++) var0 += (init[i * initDim] - mean0) * (init[i * initDim] - mean0);
        var std0 = Math.Sqrt(var0 / n);
        var scale = std0 > 0 ? 1e-4 / std0 : 1;
        var random = new Random(options.Seed);
        for (var i = 0; i < n; i++)
            for (var a = 0; a < dim; a++)
                y[i * dim + a] = (a < initDim ? init[i * initDim + a] * scale : 0) + 1e-6 * ProjectionInput.Gaussian(random);

        // 4. Gradient descent.
        var learningRate = Math.Max(n / EarlyExaggeration / 4, 50);
        var total = ExaggerationIterations + options.Iterations;
        var optimiser = new Optimiser(n, dim, p, options.Theta);
        for (var it = 0; it < total; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exaggerating = it < ExaggerationIterations;
            if (it == ExaggerationIterations) optimiser.ResetMomentum(); // sklearn starts the second phase afresh
            optimiser.Step(y, exaggerating ? EarlyExaggeration : 1, exaggerating ? 0.5 : 0.8, learningRate, cancellationToken);
            progress?.Report(0.1 + 0.9 * (it + 1) / total);
        }

        progress?.Report(1);
        var coordinates = new float[n * dim];
        for (var i = 0; i < coordinates.Length; i++) coordinates[i] = (float)y[i];
        return new Projection(coordinates, dim, [], watch.Elapsed);
    }

    private static void Validate(float[] data, int n, int d, TsneOptions options)
    {
        if (options.Components is not (2 or 3)) throw new ArgumentException($"t-SNE supports 2 or 3 components; got {options.Components}.", nameof(options));
        if (!(options.Perplexity > 0)) throw new ArgumentException($"Perplexity must be positive; got {options.Perplexity}.", nameof(options));
        if (options.Iterations < 0) throw new ArgumentException($"Iterations must be ≥ 0; got {options.Iterations}.", nameof(options));
        if (!(options.Theta >= 0)) throw new ArgumentException($"Theta must be ≥ 0; got {options.Theta}.", nameof(options));
        var needed = (int)Math.Floor(2 * options.Perplexity) + 2;
        if (n < needed)
            throw new ArgumentException($"t-SNE with perplexity {options.Perplexity} needs at least {needed} points (2·perplexity + 2); got {n}. Lower the perplexity or add points.", nameof(n));
        ProjectionInput.Validate(data, n, d, "t-SNE");
    }

    /// <summary>
    /// Conditional p(j|i) ∝ exp(−β‖xᵢ−xⱼ‖²) over the k neighbours with β found by bisection so the
    /// entropy is ln(perplexity) (sklearn's _binary_search_perplexity), then P = (P + Pᵀ) / ΣP.
    /// </summary>
    internal static SparseGraph JointProbabilities(NeighbourGraph knn, double perplexity, CancellationToken cancellationToken)
    {
        var (n, k) = (knn.N, knn.K);
        var conditional = new double[n * k];
        var target = Math.Log(perplexity);
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new double[k], (i, _, d2) =>
        {
            // Shifting by the nearest distance cancels in the normalisation but keeps exp() from underflowing.
            var nearest = (double)knn.Distances[i * k] * knn.Distances[i * k];
            for (var j = 0; j < k; j++) d2[j] = (double)knn.Distances[i * k + j] * knn.Distances[i * k + j] - nearest;
            double beta = 1, lo = double.NegativeInfinity, hi = double.PositiveInfinity;
            var row = conditional.AsSpan(i * k, k);
            for (var step = 0; step < 100; step++)
            {
                double sum = 0, weighted = 0;
                for (var j = 0; j < k; j++)
                {
                    row[j] = Math.Exp(-d2[j] * beta);
                    sum += row[j];
                    weighted += d2[j] * row[j];
                }

                sum = Math.Max(sum, 1e-8);
                for (var j = 0; j < k; j++) row[j] /= sum;
                var entropy = Math.Log(sum) + beta * weighted / sum;
                var diff = entropy - target;
                if (Math.Abs(diff) <= 1e-5) break;
                if (diff > 0)
                {
                    lo = beta;
                    beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2;
                }
                else
                {
                    hi = beta;
                    beta = double.IsNegativeInfinity(lo) ? beta / 2 : (beta + lo) / 2;
                }
            }

            return d2;
        }, _ => { });

        var joint = SparseGraph.Symmetrise(knn, conditional, (a, b) => a + b);
        var totalP = joint.Values.Sum();
        for (var e = 0; e < joint.Values.Length; e++) joint.Values[e] = Math.Max(joint.Values[e] / totalP, double.Epsilon);
        return joint;
    }

    /// <summary>Gradient, gains and momentum state (sklearn's _gradient_descent).</summary>
    private sealed class Optimiser(int n, int dim, SparseGraph p, double theta)
    {
        // Points per parallel work item: per-point work is small, so per-item overhead must be amortised.
        private const int Chunk = 256;

        private readonly double[] _attraction = new double[n * dim];
        private readonly double[] _repulsion = new double[n * dim];
        private readonly double[] _update = new double[n * dim];
        private readonly double[] _gains = Ones(n * dim);
        private readonly double[] _z = new double[n];
        private readonly SpaceTree _tree = new(n, dim);

        public void ResetMomentum()
        {
            Array.Clear(_update);
            Array.Fill(_gains, 1);
        }

        public void Step(double[] y, double exaggeration, double momentum, double learningRate, CancellationToken cancellationToken)
        {
            _tree.Build(y);
            var chunks = (n + Chunk - 1) / Chunk;
            // Small layouts run on one thread: an iteration then takes well under a millisecond and
            // waiting for a second (possibly descheduled) worker would cost more than it saves.
            var threads = n < 2048 ? 1 : Environment.ProcessorCount;
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = threads }, c =>
            {
                Span<double> force = stackalloc double[dim];
                var stack = new int[_tree.StackSize];
                for (var i = c * Chunk; i < Math.Min(n, (c + 1) * Chunk); i++)
                {
                    _z[i] = _tree.Repulsion(i, theta, force, stack);
                    force.CopyTo(_repulsion.AsSpan(i * dim, dim));
                    force.Clear();
                    for (var e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
                    {
                        var j = p.Columns[e];
                        var d2 = 0.0;
                        for (var a = 0; a < dim; a++)
                        {
                            var diff = y[i * dim + a] - y[j * dim + a];
                            d2 += diff * diff;
                        }

                        var pq = exaggeration * p.Values[e] / (1 + d2);
                        for (var a = 0; a < dim; a++) force[a] += pq * (y[i * dim + a] - y[j * dim + a]);
                    }

                    force.CopyTo(_attraction.AsSpan(i * dim, dim));
                }
            });

            // Z summed in index order so the result does not depend on thread scheduling.
            var z = 0.0;
            for (var i = 0; i < n; i++) z += _z[i];
            for (var t = 0; t < n * dim; t++)
            {
                var gradient = 4 * (_attraction[t] - _repulsion[t] / z);
                // Delta-bar-delta: grow the gain while the gradient keeps its direction, shrink it on a reversal.
                _gains[t] = _update[t] * gradient < 0 ? _gains[t] + 0.2 : Math.Max(_gains[t] * 0.8, MinGain);
                _update[t] = momentum * _update[t] - learningRate * _gains[t] * gradient;
                y[t] += _update[t];
            }
        }

        private static double[] Ones(int length)
        {
            var array = new double[length];
            Array.Fill(array, 1.0);
            return array;
        }
    }
}
