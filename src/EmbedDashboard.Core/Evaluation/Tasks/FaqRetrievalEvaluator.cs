using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>FAQ retrieval: each question ranks all answers by cosine; its own answer should come first. MRR, recall@1/5/10.</summary>
public static class FaqRetrievalEvaluator
{
    public static async Task<TaskEvaluation> EvaluateAsync(IEmbedder embedder, IReadOnlyList<FaqPair> pairs, EmbedOptions options, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var texts = pairs.Select(p => p.Question).Concat(pairs.Select(p => p.Answer)).ToList();
        var batch = await embedder.EmbedAsync(texts, options, EvaluationHelpers.Slice(progress, 0, 0.9, "Embedding"), cancellationToken);
        var n = pairs.Count;
        var reciprocal = 0.0;
        int at1 = 0, at5 = 0, at10 = 0;
        var scores = new float[n];
        for (var q = 0; q < n; q++)
        {
            for (var a = 0; a < n; a++) scores[a] = TensorPrimitives.CosineSimilarity(batch.Row(q), batch.Row(n + a));
            var own = scores[q];
            var rank = 1 + scores.Count(s => s > own);
            reciprocal += 1.0 / rank;
            if (rank <= 1) at1++;
            if (rank <= 5) at5++;
            if (rank <= 10) at10++;
        }

        return new TaskEvaluation(
            EvaluationHelpers.Single("mrr", reciprocal / n),
            [EvaluationHelpers.Single("recall_at_1", at1 / (double)n), EvaluationHelpers.Single("recall_at_5", at5 / (double)n), EvaluationHelpers.Single("recall_at_10", at10 / (double)n), EvaluationHelpers.Single("candidates", n)],
            n, batch.Stats, [$"Each of {n:N0} questions ranks all {n:N0} answers."]);
    }
}
