using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Word similarity (WS-353, MEN…) and sentence similarity (STS, SICK): Spearman ρ between the cosine
/// of the two embeddings and the gold score. Pairs without gold are skipped and counted; pairs with
/// an out-of-vocabulary side are counted and reported as coverage, never silently dropped (as gensim's
/// evaluate_word_pairs reports its OOV ratio).
/// </summary>
public static class PairSimilarityEvaluator
{
    public static async Task<TaskEvaluation> EvaluateAsync(IEmbedder embedder, IReadOnlyList<ScoredPair> pairs, EmbedOptions options, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var gold = pairs.Where(p => p.Score is not null).ToList();
        var texts = gold.SelectMany(p => new[] { p.A, p.B }).Distinct(StringComparer.Ordinal).ToList();
        var index = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var batch = await embedder.EmbedAsync(texts, options, EvaluationHelpers.Slice(progress, 0, 0.95, "Embedding"), cancellationToken);
        var cosines = new List<double>();
        var scores = new List<double>();
        foreach (var pair in gold)
        {
            int a = index[pair.A], b = index[pair.B];
            if (batch.Missing[a] || batch.Missing[b]) continue;
            cosines.Add(TensorPrimitives.CosineSimilarity(batch.Row(a), batch.Row(b)));
            scores.Add(pair.Score!.Value);
        }

        var notes = new List<string>();
        var uncovered = gold.Count - cosines.Count;
        if (uncovered > 0) notes.Add($"{uncovered:N0} of {gold.Count:N0} pairs have an out-of-vocabulary side; ρ is over the {cosines.Count:N0} covered pairs.");
        if (gold.Count < pairs.Count) notes.Add($"{pairs.Count - gold.Count:N0} pairs without a gold score were skipped.");
        progress?.Report(new EvaluationProgress(1, "Scored"));
        return new TaskEvaluation(
            EvaluationHelpers.Single("spearman", cosines.Count >= 2 ? RankCorrelation.Spearman(cosines, scores) : double.NaN),
            [
                EvaluationHelpers.Single("pearson", cosines.Count >= 2 ? RankCorrelation.Pearson(cosines, scores) : double.NaN),
                EvaluationHelpers.Single("coverage", gold.Count == 0 ? 0 : cosines.Count / (double)gold.Count),
                EvaluationHelpers.Single("pairs_scored", cosines.Count),
                EvaluationHelpers.Single("pairs_without_gold", pairs.Count - gold.Count),
            ],
            cosines.Count, batch.Stats, notes);
    }
}
