namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Analogies: primary "3cosadd_accuracy" over the covered questions (as gensim reports it), with
/// 3CosMul, both also over all questions (uncovered ones counted wrong), per section, the
/// vocabulary size N actually searched and the search time (embedding excluded).
/// </summary>
public sealed record AnalogyResult(
    int VocabularySize,
    int VocabularyWithoutVector,
    double AddAccuracy,
    double MulAccuracy,
    double AddAccuracyAll,
    double MulAccuracyAll,
    IReadOnlyList<AnalogySectionScore> Sections,
    TimeSpan SearchTime) : EvaluationResult;
