using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Maps the embedder's progress into a slice [from, to] of the evaluator's own progress, so one
/// bar covers embedding and scoring.
/// </summary>
internal sealed class ProgressSlice(IProgress<EvaluationProgress>? progress, double from, double to, string message) : IProgress<EmbedProgress>
{
    public void Report(EmbedProgress value) =>
        progress?.Report(new EvaluationProgress(from + (to - from) * value.Done / Math.Max(1, value.Total), $"{message} {value.Done:N0}/{value.Total:N0}"));
}
