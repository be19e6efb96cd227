using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Extractive QA by similarity: the context is split into sentences, each question ranks them by
/// cosine; a hit is the sentence holding the start of a gold answer span. Accuracy@1 and MRR.
/// </summary>
public static partial class QaEvaluator
{
    public static async Task<TaskEvaluation> EvaluateAsync(IEmbedder embedder, IReadOnlyList<QaExample> examples, EmbedOptions options, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var sentencesPerContext = new Dictionary<string, List<(int Start, string Text)>>(StringComparer.Ordinal);
        foreach (var e in examples) if (!sentencesPerContext.ContainsKey(e.Context)) sentencesPerContext[e.Context] = Sentences(e.Context);
        var texts = examples.Select(e => e.Question).Concat(sentencesPerContext.Values.SelectMany(s => s.Select(x => x.Text))).Distinct(StringComparer.Ordinal).ToList();
        var index = texts.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var batch = await embedder.EmbedAsync(texts, options, EvaluationHelpers.Slice(progress, 0, 0.9, "Embedding"), cancellationToken);
        var reciprocal = new List<double>();
        var hits = 0;
        var evaluated = 0;
        foreach (var e in examples)
        {
            var sentences = sentencesPerContext[e.Context];
            var gold = sentences.Select((s, i) => (s, i)).Where(x => e.Answers.Any(a => a.Start >= x.s.Start && a.Start < x.s.Start + x.s.Text.Length)).Select(x => x.i).ToHashSet();
            if (gold.Count == 0 || batch.Missing[index[e.Question]]) continue;
            var question = index[e.Question];
            var ranked = sentences.Select((s, i) => (i, Score: batch.Missing[index[s.Text]] ? float.MinValue : TensorPrimitives.CosineSimilarity(batch.Row(question), batch.Row(index[s.Text]))))
                .OrderByDescending(x => x.Score).Select(x => x.i).ToList();
            var rank = ranked.FindIndex(gold.Contains) + 1;
            reciprocal.Add(1.0 / rank);
            if (rank == 1) hits++;
            evaluated++;
        }

        return new TaskEvaluation(
            EvaluationHelpers.Single("accuracy_at_1", evaluated == 0 ? double.NaN : hits / (double)evaluated),
            [EvaluationHelpers.Single("mrr", reciprocal.Count == 0 ? double.NaN : reciprocal.Average()),
             EvaluationHelpers.Single("mean_candidates", sentencesPerContext.Values.Average(s => s.Count))],
            evaluated, batch.Stats, [$"{evaluated:N0} of {examples.Count:N0} questions scored (an answer inside a found sentence and a question with a vector)."]);
    }

    /// <summary>Rule-based sentence split (end punctuation followed by space), with character offsets.</summary>
    internal static List<(int Start, string Text)> Sentences(string context)
    {
        var result = new List<(int, string)>();
        var start = 0;
        foreach (Match m in Boundary().Matches(context))
        {
            Add(start, m.Index);
            start = m.Index + m.Length;
        }

        Add(start, context.Length);
        return result;

        void Add(int from, int to)
        {
            var text = context[from..to];
            var trimmed = text.TrimStart();
            if (trimmed.Trim().Length > 0) result.Add((from + text.Length - trimmed.Length, trimmed.TrimEnd()));
        }
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Boundary();
}
