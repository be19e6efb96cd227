namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// What happened to each item given to an evaluator, so nothing is dropped silently.
/// <see cref="Evaluated"/>: items the evaluation used (for probes, training and test items alike).
/// <see cref="NotCovered"/>: the embedder could not represent it (an out-of-vocabulary word, a text
/// without a known token). <see cref="Skipped"/>: the item cannot be scored by the task's definition
/// (no gold score, an answer outside every sentence, left out by the item budget); the notes say which.
/// </summary>
public sealed record EvaluationCounts(int Evaluated, int NotCovered = 0, int Skipped = 0)
{
    public int Total => Evaluated + NotCovered + Skipped;

    /// <summary>Share of the scoreable items (not skipped) the embedder could represent.</summary>
    public double Coverage => Evaluated + NotCovered == 0 ? 0 : Evaluated / (double)(Evaluated + NotCovered);
}
