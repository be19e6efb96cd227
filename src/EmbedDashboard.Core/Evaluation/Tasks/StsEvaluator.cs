using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Semantic textual similarity (STS benchmark, SICK): cosine of the two sentence embeddings against
/// the gold score, Spearman ρ (the MTEB main score) and Pearson. Pairs without a gold score are
/// skipped and counted; sentences with no known token are counted as not covered.
/// </summary>
public static class StsEvaluator
{
    public static Task<SimilarityCorrelationResult> EvaluateAsync(IEmbedder embedder, IReadOnlyList<ScoredPair> pairs, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PairSimilarityScorer.ScoreAsync(TaskKind.Sts, "sentence", embedder, pairs, embedOptions, progress, cancellationToken);
}
