namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Word similarity or STS: primary "spearman" between cosine and gold over the covered pairs.
/// PairsOutOfVocabulary had a side without a vector; PairsWithoutGold had no gold score. Both are
/// counted, never silently dropped.
/// </summary>
public sealed record SimilarityCorrelationResult(
    double Spearman,
    double Pearson,
    int PairsScored,
    int PairsOutOfVocabulary,
    int PairsWithoutGold) : EvaluationResult;
