using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.4/7.5) with a backtracking Armijo line
/// search. Written here rather than using Math.NET's LimitedMemoryBfgsMinimizer because that one
/// throws when it reaches its iteration cap (a probe wants the best point so far, as scikit-learn's
/// max_iter does), cannot be cancelled, and works on allocated Vector&lt;double&gt; per step.
/// </summary>
internal static class Lbfgs
{
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    private const int Memory = 10;
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 40;

    /// <param name="gradientTolerance">Stop when the largest gradient component is below this (scikit-learn's gtol).</param>
    /// <param name="relativeTolerance">Stop when an iteration lowers the objective by less than this fraction (SciPy's ftol).</param>
    public static LbfgsResult Minimize(Objective objective, double[] start, int maxIterations, double gradientTolerance, double relativeTolerance, CancellationToken cancellationToken)
    {
        var m = start.Length;
        var x = (double[])start.Clone();
        var g = new double[m];
        var value = objective(x, g);
        var s = new List<double[]>(Memory);
        var y = new List<double[]>(Memory);
        var rho = new List<double>(Memory);
        var direction = new double[m];
        var next = new double[m];
        var nextGradient = new double[m];
        var alpha = new double[Memory];

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (LargestMagnitude(g) <= gradientTolerance) return new LbfgsResult(x, value, iteration, true);

            SearchDirection(g, s, y, rho, alpha, direction);
            var slope = TensorPrimitives.Dot<double>(g, direction);
            if (slope >= 0)
            {
                // The curvature pairs stopped describing the function (rounding): restart from steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
                TensorPrimitives.Negate<double>(g, direction);
                slope = -TensorPrimitives.Dot<double>(g, g);
            }

            // Without curvature information the first step is scaled to unit length.
            var step = s.Count == 0 ? Math.Min(1, 1 / Math.Sqrt(-slope)) : 1;
            double nextValue = double.NaN;
            var accepted = false;
            for (var backtrack = 0; backtrack < MaxBacktracks; backtrack++)
            {
                for (var i = 0; i < m; i++) next[i] = x[i] + step * direction[i];
                nextValue = objective(next, nextGradient);
                if (nextValue <= value + Armijo * step * slope)
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            // No step lowers the objective: we are at the minimum to floating-point precision.
            if (!accepted) return new LbfgsResult(x, value, iteration, true);

            var sk = new double[m];
            var yk = new double[m];
            TensorPrimitives.Subtract<double>(next, x, sk);
            TensorPrimitives.Subtract<double>(nextGradient, g, yk);
            var sy = TensorPrimitives.Dot<double>(sk, yk);
            // Keep a pair only with positive curvature, which keeps the implicit Hessian positive definite.
            if (sy > 1e-12 * TensorPrimitives.Dot<double>(yk, yk))
            {
                if (s.Count == Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                    rho.RemoveAt(0);
                }

                s.Add(sk);
                y.Add(yk);
                rho.Add(1 / sy);
            }

            var decrease = value - nextValue;
            (x, next) = (next, x);
            (g, nextGradient) = (nextGradient, g);
            value = nextValue;
            if (decrease <= relativeTolerance * Math.Max(Math.Max(Math.Abs(value), Math.Abs(value + decrease)), 1))
            {
                return new LbfgsResult(x, value, iteration + 1, true);
            }
        }

        return new LbfgsResult(x, value, maxIterations, LargestMagnitude(g) <= gradientTolerance);
    }

    // MaxMagnitude returns the signed element, so a large negative component must be made positive.
    private static double LargestMagnitude(double[] g) => Math.Abs(TensorPrimitives.MaxMagnitude<double>(g));

    /// <summary>Two-loop recursion: direction = −H·g with H the L-BFGS inverse-Hessian estimate, H₀ = (sᵀy / yᵀy)·I.</summary>
    private static void SearchDirection(double[] g, List<double[]> s, List<double[]> y, List<double> rho, double[] alpha, double[] direction)
    {
        g.CopyTo(direction, 0);
        for (var k = s.Count - 1; k >= 0; k--)
        {
            alpha[k] = rho[k] * TensorPrimitives.Dot<double>(s[k], direction);
            TensorPrimitives.MultiplyAdd<double>(y[k], -alpha[k], direction, direction);
        }

        if (s.Count > 0)
        {
            var last = s.Count - 1;
            var gamma = TensorPrimitives.Dot<double>(s[last], y[last]) / TensorPrimitives.Dot<double>(y[last], y[last]);
            TensorPrimitives.Multiply<double>(direction, gamma, direction);
        }

        for (var k = 0; k < s.Count; k++)
        {
            var beta = rho[k] * TensorPrimitives.Dot<double>(y[k], direction);
            TensorPrimitives.MultiplyAdd<double>(s[k], alpha[k] - beta, direction, direction);
        }

        TensorPrimitives.Negate<double>(direction, direction);
    }
}
