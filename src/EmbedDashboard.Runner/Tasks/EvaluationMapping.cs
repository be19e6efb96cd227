using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

internal static class EvaluationMapping
{
    public static TaskOutcome ToOutcome(this EvaluationResult evaluation)
    {
        var metrics = evaluation.AllMetrics()
            .Select(m => new MetricValue(
                m.Name,
                m.Value.Mean,
                m.Value.Values.Count > 1 ? m.Value.Std : null,
                ReferenceEquals(m, evaluation.Primary) || m.Name == evaluation.Primary.Name,
                m.Value.Values.Count > 1 ? m.Value.Values : null))
            .ToList();
        return new TaskOutcome(metrics, evaluation.Embedding, evaluation.Counts.Evaluated, string.Join(" ", evaluation.Notes));
    }

    /// <summary>The result with a runner's note (e.g. which split was scored) first; unchanged when there is none.</summary>
    public static EvaluationResult WithLeadingNote(this EvaluationResult evaluation, string? note) =>
        note is null ? evaluation : evaluation with { Notes = [note, .. evaluation.Notes] };

    public static IProgress<EvaluationProgress> Forward(this IProgress<(double Fraction, string Message)> progress) =>
        new Progress(progress);

    private sealed class Progress(IProgress<(double, string)> inner) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => inner.Report((value.Fraction, value.Message));
    }
}
