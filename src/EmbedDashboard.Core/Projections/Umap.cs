using System.Diagnostics;

namespace EmbedDashboard.Core.Projections;

/// <summary>UMAP settings. Epochs = 0 picks umap-learn's default: 500 for n ≤ 10,000, else 200. Spread is fixed at 1.</summary>
public sealed record UmapOptions
{
    public int Components { get; init; } = 2;
    public int Neighbours { get; init; } = 15;
    public double MinDist { get; init; } = 0.1;
    public int Epochs { get; init; }
    public int Seed { get; init; } = 13;
}

/// <summary>
/// UMAP (McInnes, Healy &amp; Melville 2018) after umap-learn's defaults: exact kNN (self counted as
/// the first of n_neighbors), smooth-kNN memberships, fuzzy-union symmetrisation, PCA initialisation
/// (umap-learn's init="pca", not its default spectral one: cheaper and stable on disconnected
/// clusters), and SGD with 5 negative samples per positive sample. The SGD runs on one thread, so
/// the output is bit-for-bit deterministic for a given seed (umap-learn's fixed-seed mode is too).
/// </summary>
public static class Umap
{
    private const int NegativeSampleRate = 5;
    private const double Spread = 1.0;

    public static Projection Project(float[] data, int n, int d, UmapOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        Validate(data, n, d, options);
        var dim = options.Components;

        var knn = ExactNeighbours.Compute(data, n, d, options.Neighbours - 1, new Scaled(progress, 0, 0.3), cancellationToken);
        var graph = FuzzySimplicialSet(knn, options.Neighbours);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(0.32);

        var epochs = options.Epochs > 0 ? options.Epochs : n <= 10_000 ? 500 : 200;
        var random = new Random(options.Seed);
        var embedding = InitialLayout(data, n, d, dim, random);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(0.35);

        var (a, b) = UmapCurve.Fit(options.MinDist, Spread);
        var layout = new UmapLayout(graph, epochs, (float)a, (float)b, NegativeSampleRate, (ulong)random.NextInt64());
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layout.RunEpoch(embedding, dim, epoch);
            progress?.Report(0.35 + 0.65 * (epoch + 1) / epochs);
        }

        progress?.Report(1);
        return new Projection(embedding, dim, [], watch.Elapsed);
    }

    /// <summary>The (a, b) of the low-dimensional similarity 1/(1 + a·d^(2b)) for a min_dist and spread (umap-learn's find_ab_params).</summary>
    public static (double A, double B) CurveParameters(double minDist, double spread = Spread) => UmapCurve.Fit(minDist, spread);

    private static void Validate(float[] data, int n, int d, UmapOptions options)
    {
        if (options.Components < 1) throw new ArgumentException($"UMAP needs at least 1 component; got {options.Components}.", nameof(options));
        if (options.Neighbours < 2) throw new ArgumentException($"UMAP needs at least 2 neighbours; got {options.Neighbours}.", nameof(options));
        if (!(options.MinDist >= 0 && options.MinDist <= Spread)) throw new ArgumentException($"MinDist must be in [0, {Spread}]; got {options.MinDist}.", nameof(options));
        if (options.Epochs < 0) throw new ArgumentException($"Epochs must be ≥ 0 (0 = automatic); got {options.Epochs}.", nameof(options));
        if (n <= options.Neighbours)
            throw new ArgumentException($"UMAP with {options.Neighbours} neighbours needs at least {options.Neighbours + 1} points; got {n}. Lower the neighbour count or add points.", nameof(n));
        ProjectionInput.Validate(data, n, d, "UMAP");
    }

    /// <summary>
    /// umap-learn's smooth_knn_dist + compute_membership_strengths + fuzzy union: each point's
    /// memberships are exp(−(dᵢⱼ − ρᵢ)/σᵢ) with ρᵢ its nearest non-zero distance and σᵢ found by
    /// bisection so they sum to log₂(n_neighbors); then w = a + b − ab over both directions.
    /// </summary>
    internal static SparseGraph FuzzySimplicialSet(NeighbourGraph knn, int neighbours)
    {
        var (n, k) = (knn.N, knn.K);
        var target = Math.Log2(neighbours);
        var meanAll = 0.0;
        foreach (var v in knn.Distances) meanAll += v;
        meanAll /= (double)n * (k + 1); // umap-learn's rows include the zero self-distance

        var weights = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            var row = knn.Distances.AsSpan(i * k, k);
            var rho = 0.0;
            foreach (var v in row)
                if (v > 0) { rho = v; break; }

            double lo = 0, hi = double.PositiveInfinity, sigma = 1;
            for (var step = 0; step < 64; step++)
            {
                var sum = 0.0;
                foreach (var v in row)
                {
                    var excess = v - rho;
                    sum += excess > 0 ? Math.Exp(-excess / sigma) : 1;
                }

                if (Math.Abs(sum - target) < 1e-5) break;
                if (sum > target)
                {
                    hi = sigma;
                    sigma = (lo + hi) / 2;
                }
                else
                {
                    lo = sigma;
                    sigma = double.IsPositiveInfinity(hi) ? sigma * 2 : (lo + hi) / 2;
                }
            }

            // Floors from umap-learn (MIN_K_DIST_SCALE = 1e-3) keep σ away from 0 on duplicate-heavy rows.
            var meanRow = 0.0;
            foreach (var v in row) meanRow += v;
            meanRow /= k + 1;
            sigma = Math.Max(sigma, 1e-3 * (rho > 0 ? meanRow : meanAll));

            for (var j = 0; j < k; j++)
            {
                var excess = row[j] - rho;
                weights[i * k + j] = excess <= 0 || sigma == 0 ? 1 : Math.Exp(-excess / sigma);
            }
        }

        return SparseGraph.Symmetrise(knn, weights, (a, b) => a + b - a * b);
    }

    /// <summary>
    /// umap-learn's init="pca": PCA, scaled so the largest |coordinate| is 10, plus N(0, 1e-4) noise
    /// (which is where the seed first matters), then rescaled to [0, 10] per axis as
    /// simplicial_set_embedding does before the SGD.
    /// </summary>
    private static float[] InitialLayout(float[] data, int n, int d, int dim, Random random)
    {
        var pca = ProjectionInput.PcaCoordinates(data, n, d, dim);
        var pcaDim = pca.Length / n;
        var maxAbs = pca.Length == 0 ? 0 : pca.Max(MathF.Abs);
        var expansion = maxAbs > 0 ? 10 / maxAbs : 1;
        var embedding = new float[n * dim];
        for (var i = 0; i < n; i++)
            for (var a = 0; a < dim; a++)
                embedding[i * dim + a] = (a < pcaDim ? pca[i * pcaDim + a] * expansion : 0) + (float)(1e-4 * ProjectionInput.Gaussian(random));

        for (var a = 0; a < dim; a++)
        {
            float lo = float.MaxValue, hi = float.MinValue;
            for (var i = 0; i < n; i++)
            {
                lo = Math.Min(lo, embedding[i * dim + a]);
                hi = Math.Max(hi, embedding[i * dim + a]);
            }

            var range = hi > lo ? hi - lo : 1;
            for (var i = 0; i < n; i++) embedding[i * dim + a] = 10 * (embedding[i * dim + a] - lo) / range;
        }

        return embedding;
    }
}
