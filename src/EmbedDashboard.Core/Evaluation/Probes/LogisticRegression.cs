using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>
/// Multinomial logistic regression with an L2 penalty on standardised features: the linear probe of
/// SentEval/MTEB. Trained full-batch with L-BFGS from zero weights. The objective is strictly convex
/// (λ &gt; 0), so there is one solution and nothing to seed: the same data always gives the same model.
/// (λ = 0 is allowed, but on separable data the weights then grow until the iteration cap.)
/// </summary>
public sealed class LogisticRegression
{
    /// <summary>λ on the mean loss; for n training rows this is scikit-learn's C = 1 / (λ·n).</summary>
    public const double DefaultL2 = 1e-3;

    public const int DefaultMaxIterations = 200;

    private const double GradientTolerance = 1e-5;
    private const double RelativeTolerance = 1e-9;

    private readonly FeatureStandardizer _standardizer;
    private readonly float[] _weights;
    private readonly float[] _biases;

    private LogisticRegression(FeatureStandardizer standardizer, float[] weights, float[] biases, int classes, int iterations, bool converged, double loss)
    {
        _standardizer = standardizer;
        _weights = weights;
        _biases = biases;
        Classes = classes;
        Iterations = iterations;
        Converged = converged;
        TrainingLoss = loss;
    }

    public int Classes { get; }
    public int Dimension => _standardizer.Dimension;

    /// <summary>L-BFGS iterations used; <see cref="Converged"/> is false when the cap was reached first.</summary>
    public int Iterations { get; }
    public bool Converged { get; }

    /// <summary>Mean cross-entropy plus penalty at the solution.</summary>
    public double TrainingLoss { get; }

    /// <param name="x">n × d row-major features.</param>
    /// <param name="y">Class id (0 ≤ y &lt; classes) of each row.</param>
    public static LogisticRegression Fit(float[] x, int n, int d, IReadOnlyList<int> y, int classes, double l2 = DefaultL2, int iterations = DefaultMaxIterations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != n * d) throw new ArgumentException($"Expected {n}×{d} features, got {x.Length}.", nameof(x));
        if (y.Count != n) throw new ArgumentException($"Expected {n} labels, got {y.Count}.", nameof(y));
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(l2);
        foreach (var label in y)
        {
            if (label < 0 || label >= classes) throw new ArgumentOutOfRangeException(nameof(y), $"Label {label} is outside 0..{classes - 1}.");
        }

        var standardizer = FeatureStandardizer.Fit(x, n, d);
        var objective = new SoftmaxObjective(standardizer.Transform(x, n), n, d, y, classes, l2);
        var result = Lbfgs.Minimize(objective.Evaluate, new double[objective.ParameterCount], iterations, GradientTolerance, RelativeTolerance, cancellationToken);
        var parameters = result.Minimum.Select(p => (float)p).ToArray();
        return new LogisticRegression(standardizer, parameters[..(classes * d)], parameters[(classes * d)..], classes, result.Iterations, result.Converged, result.Value);
    }

    /// <summary>Most probable class of each of the n rows of x.</summary>
    public int[] Predict(float[] x, int n)
    {
        var probabilities = PredictProbabilities(x, n);
        var result = new int[n];
        for (var i = 0; i < n; i++) result[i] = TensorPrimitives.IndexOfMax<float>(probabilities.AsSpan(i * Classes, Classes));
        return result;
    }

    /// <summary>Softmax class probabilities, n × classes row-major.</summary>
    public float[] PredictProbabilities(float[] x, int n)
    {
        ArgumentNullException.ThrowIfNull(x);
        var d = Dimension;
        if (x.Length != n * d) throw new ArgumentException($"Expected {n}×{d} features, got {x.Length}.", nameof(x));
        var z = _standardizer.Transform(x, n);
        var probabilities = new float[n * Classes];
        Parallel.For(0, n, i =>
        {
            var row = z.AsSpan(i * d, d);
            var scores = probabilities.AsSpan(i * Classes, Classes);
            for (var c = 0; c < Classes; c++) scores[c] = TensorPrimitives.Dot(row, _weights.AsSpan(c * d, d)) + _biases[c];
            TensorPrimitives.SoftMax(scores, scores);
        });
        return probabilities;
    }
}
