using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// FAQ retrieval: each question ranks all distinct answers by cosine; its own answer should come
/// first. MRR and recall@1/5/10. Pairs sharing an answer text share one candidate, so a duplicate
/// answer is not counted as a miss. Questions without a vector are not covered. When the pairs carry train
/// items only the test pairs are scored, and only their answers are candidates (<see cref="ScoredSplit"/>).
/// </summary>
public static class FaqRetrievalEvaluator
{
    public static async Task<FaqRetrievalResult> EvaluateAsync(IEmbedder embedder, IReadOnlyList<FaqPair> pairs, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(pairs);
        var watch = Stopwatch.StartNew();
        var split = ScoredSplit.Select(pairs, p => p.Split, "pair");
        pairs = split.Test;
        var answers = pairs.Select(p => p.Answer).Distinct(StringComparer.Ordinal).ToList();
        var answerIndex = answers.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var batch = await QueryPassageEmbedding.EmbedAsync(embedder, pairs.Select(p => p.Question).ToList(), answers, embedOptions, new ProgressSlice(progress, 0, 0.9, "Embedding"), cancellationToken);
        var d = batch.Dimension;
        var unit = RowMath.UnitRows(batch.Data, batch.Count, d);
        var n = pairs.Count;
        var ranks = new List<int>();
        var notCovered = 0;
        var scores = new float[answers.Count];
        for (var q = 0; q < n; q++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (batch.Missing[q])
            {
                notCovered++;
                continue;
            }

            for (var a = 0; a < answers.Count; a++)
            {
                scores[a] = batch.Missing[n + a] ? float.NegativeInfinity : TensorPrimitives.Dot(unit.AsSpan(q * d, d), unit.AsSpan((n + a) * d, d));
            }

            ranks.Add(RankingMetrics.RankOfFirstRelevant(scores, [answerIndex[pairs[q].Answer]]));
        }

        var mrr = RankingMetrics.MeanReciprocalRank(ranks);
        double at1 = RankingMetrics.RecallAtK(ranks, 1), at5 = RankingMetrics.RecallAtK(ranks, 5), at10 = RankingMetrics.RecallAtK(ranks, 10);
        var notes = new List<string> { $"Each of {ranks.Count:N0} questions ranks all {answers.Count:N0} distinct answers." };
        if (split.Note(n) is { } splitNote) notes.Insert(0, splitNote);
        if (notCovered > 0) notes.Add($"{notCovered:N0} question(s) not covered: no known token.");
        progress?.Report(new EvaluationProgress(1, "Scored"));
        return new FaqRetrievalResult(mrr, at1, at5, at10, answers.Count)
        {
            Task = TaskKind.FaqRetrieval,
            Primary = new NamedMetric("mrr", Summary.Single(mrr)),
            Secondary = new OrderedDictionary<string, Summary>(StringComparer.Ordinal)
            {
                ["recall_at_1"] = Summary.Single(at1),
                ["recall_at_5"] = Summary.Single(at5),
                ["recall_at_10"] = Summary.Single(at10),
                ["candidates"] = Summary.Single(answers.Count),
            },
            Counts = new EvaluationCounts(ranks.Count, notCovered),
            Embedding = batch.Stats,
            Elapsed = watch.Elapsed,
            Notes = notes,
        };
    }
}
