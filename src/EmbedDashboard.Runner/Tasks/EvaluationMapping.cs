using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

internal static class EvaluationMapping
{
    public static TaskOutcome ToOutcome(this TaskEvaluation evaluation)
    {
        var metrics = new List<MetricValue>
        {
            new(evaluation.Primary.Name, evaluation.Primary.Value.Mean, evaluation.Primary.Value.Values.Count > 1 ? evaluation.Primary.Value.Std : null, true, evaluation.Primary.Value.Values),
        };
        metrics.AddRange(evaluation.Secondary.Select(m =>
            new MetricValue(m.Name, m.Value.Mean, m.Value.Values.Count > 1 ? m.Value.Std : null, false, m.Value.Values.Count > 1 ? m.Value.Values : null)));
        return new TaskOutcome(metrics, evaluation.Stats, evaluation.ItemsEvaluated, string.Join(" ", evaluation.Notes));
    }

    public static IProgress<EvaluationProgress> Forward(this IProgress<(double Fraction, string Message)> progress) =>
        new Progress(progress);

    private sealed class Progress(IProgress<(double, string)> inner) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => inner.Report((value.Fraction, value.Message));
    }
}
