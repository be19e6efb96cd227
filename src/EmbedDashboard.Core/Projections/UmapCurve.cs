namespace EmbedDashboard.Core.Projections;

/// <summary>
/// umap-learn's find_ab_params: fit 1/(1 + a·x^(2b)) to the target membership curve
/// 1 for x &lt; min_dist, exp(−(x − min_dist)/spread) beyond, sampled at 300 points on [0, 3·spread].
/// scipy's curve_fit uses Levenberg–Marquardt from (1, 1); so does this, on two parameters.
/// </summary>
internal static class UmapCurve
{
    public static (double A, double B) Fit(double minDist, double spread = 1.0)
    {
        const int samples = 300;
        var x = new double[samples];
        var target = new double[samples];
        for (var t = 0; t < samples; t++)
        {
            x[t] = 3 * spread * t / (samples - 1);
            target[t] = x[t] < minDist ? 1 : Math.Exp(-(x[t] - minDist) / spread);
        }

        double a = 1, b = 1, lambda = 1e-3;
        var cost = Cost(a, b, x, target);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            // Normal equations JᵀJ δ = −Jᵀr with the 2×2 system solved directly.
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (var t = 0; t < samples; t++)
            {
                if (x[t] <= 0) continue; // f(0) = 1 whatever a and b: no gradient there
                var u = Math.Pow(x[t], 2 * b);
                var denominator = 1 + a * u;
                var r = 1 / denominator - target[t];
                var da = -u / (denominator * denominator);
                var db = -a * u * 2 * Math.Log(x[t]) / (denominator * denominator);
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }

            var improved = false;
            while (lambda < 1e12)
            {
                var (m11, m22) = (jaa * (1 + lambda), jbb * (1 + lambda));
                var det = m11 * m22 - jab * jab;
                var stepA = -(m22 * ga - jab * gb) / det;
                var stepB = -(m11 * gb - jab * ga) / det;
                var trial = Cost(a + stepA, b + stepB, x, target);
                if (trial < cost)
                {
                    improved = Math.Abs(cost - trial) > 1e-15 * Math.Max(1, cost);
                    (a, b, cost) = (a + stepA, b + stepB, trial);
                    lambda = Math.Max(lambda / 10, 1e-12);
                    break;
                }

                lambda *= 10;
            }

            if (!improved) break;
        }

        return (a, b);
    }

    private static double Cost(double a, double b, double[] x, double[] target)
    {
        var sum = 0.0;
        for (var t = 0; t < x.Length; t++)
        {
            var r = 1 / (1 + a * Math.Pow(x[t], 2 * b)) - target[t];
            sum += r * r;
        }

        return sum;
    }
}
