using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

public sealed record NamedMetric(string Name, Summary Value);

/// <summary>What every task evaluator returns: the primary metric (with spread), the others, counts and cost.</summary>
public sealed record TaskEvaluation(
    NamedMetric Primary,
    IReadOnlyList<NamedMetric> Secondary,
    int ItemsEvaluated,
    EmbeddingStats Stats,
    IReadOnlyList<string> Notes);

/// <summary>Progress of an evaluator: fraction done and a short message.</summary>
public readonly record struct EvaluationProgress(double Fraction, string Message);

internal static class EvaluationHelpers
{
    /// <summary>Maps embedder progress into a slice [from, to] of the evaluator's own progress.</summary>
    public static IProgress<EmbedProgress> Slice(IProgress<EvaluationProgress>? progress, double from, double to, string message) =>
        new SliceProgress(progress, from, to, message);

    public static NamedMetric Single(string name, double value) => new(name, Summary.Of([value]));

    private sealed class SliceProgress(IProgress<EvaluationProgress>? progress, double from, double to, string message) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) =>
            progress?.Report(new EvaluationProgress(from + (to - from) * value.Done / Math.Max(1, value.Total), $"{message} {value.Done:N0}/{value.Total:N0}"));
    }
}
