namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>Where L-BFGS stopped and why (converged = the gradient or the progress fell below tolerance).</summary>
internal sealed record LbfgsResult(double[] Minimum, double Value, int Iterations, bool Converged);
