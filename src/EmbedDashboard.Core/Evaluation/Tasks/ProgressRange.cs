namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>Maps a step's own 0..1 progress into [from, to] of the caller's progress (e.g. scoring after embedding).</summary>
internal sealed class ProgressRange(IProgress<EvaluationProgress>? progress, double from, double to) : IProgress<EvaluationProgress>
{
    public void Report(EvaluationProgress value) =>
        progress?.Report(value with { Fraction = from + (to - from) * value.Fraction });
}
