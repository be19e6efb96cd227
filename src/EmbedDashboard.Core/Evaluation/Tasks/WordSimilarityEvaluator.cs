using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Word similarity (WS-353, SimLex, MEN…): each distinct word embedded once, cosine per pair,
/// Spearman ρ (and Pearson) against the human scores. Pairs with an out-of-vocabulary word are
/// counted and reported as coverage; ρ is over the covered pairs.
/// </summary>
public static class WordSimilarityEvaluator
{
    public static Task<SimilarityCorrelationResult> EvaluateAsync(IEmbedder embedder, IReadOnlyList<ScoredPair> pairs, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PairSimilarityScorer.ScoreAsync(TaskKind.WordSimilarity, "word", embedder, pairs, embedOptions, progress, cancellationToken);
}
