using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Extractive QA by similarity: each context is split into sentences, each question ranks its
/// context's sentences by cosine; a hit is the sentence holding the start of a gold answer span.
/// Questions without a vector are not covered; questions whose answers start in no sentence are skipped. When
/// the examples carry train items only the test examples are scored (<see cref="ScoredSplit"/>).
/// </summary>
public static class QaEvaluator
{
    public static async Task<QaResult> EvaluateAsync(IEmbedder embedder, IReadOnlyList<QaExample> examples, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(examples);
        var watch = Stopwatch.StartNew();
        var split = ScoredSplit.Select(examples, e => e.Split, "question");
        examples = split.Test;
        var sentencesOf = new Dictionary<string, IReadOnlyList<SentenceSpan>>(StringComparer.Ordinal);
        foreach (var e in examples) sentencesOf.TryAdd(e.Context, SentenceSplitter.Split(e.Context));

        // Distinct questions (queries) and distinct sentences (passages): a sentence shared by several questions is
        // embedded once. Queries and passages are separate calls so a retrieval encoder gets each one's prefix.
        var questions = examples.Select(e => e.Question).Distinct(StringComparer.Ordinal).ToList();
        var passages = sentencesOf.Values.SelectMany(s => s.Select(x => x.Text)).Distinct(StringComparer.Ordinal).ToList();
        var questionRow = questions.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var passageRow = passages.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => questions.Count + x.i, StringComparer.Ordinal);
        var batch = await QueryPassageEmbedding.EmbedAsync(embedder, questions, passages, embedOptions, new ProgressSlice(progress, 0, 0.9, "Embedding"), cancellationToken);
        var unit = RowMath.UnitRows(batch.Data, batch.Count, batch.Dimension);
        var d = batch.Dimension;
        var ranks = new List<int>();
        int notCovered = 0, skipped = 0;
        foreach (var e in examples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentences = sentencesOf[e.Context];
            var gold = Enumerable.Range(0, sentences.Count).Where(i => e.Answers.Any(a => sentences[i].Contains(a.Start))).ToArray();
            if (gold.Length == 0)
            {
                skipped++;
                continue;
            }

            var question = questionRow[e.Question];
            if (batch.Missing[question])
            {
                notCovered++;
                continue;
            }

            var scores = new float[sentences.Count];
            for (var i = 0; i < sentences.Count; i++)
            {
                var sentence = passageRow[sentences[i].Text];
                // A sentence without a vector cannot be found: it ranks last.
                scores[i] = batch.Missing[sentence] ? float.NegativeInfinity : TensorPrimitives.Dot(unit.AsSpan(question * d, d), unit.AsSpan(sentence * d, d));
            }

            ranks.Add(RankingMetrics.RankOfFirstRelevant(scores, gold));
        }

        var accuracy = RankingMetrics.RecallAtK(ranks, 1);
        var mrr = RankingMetrics.MeanReciprocalRank(ranks);
        var meanCandidates = sentencesOf.Count == 0 ? 0 : sentencesOf.Values.Average(s => s.Count);
        var notes = new List<string> { $"{ranks.Count:N0} of {examples.Count:N0} questions scored; contexts have {meanCandidates:0.0} sentences on average." };
        if (split.Note(examples.Count) is { } splitNote) notes.Insert(0, splitNote);
        if (skipped > 0) notes.Add($"{skipped:N0} question(s) skipped: no answer starts inside a found sentence.");
        if (notCovered > 0) notes.Add($"{notCovered:N0} question(s) not covered: the question has no known token.");
        progress?.Report(new EvaluationProgress(1, "Scored"));
        return new QaResult(accuracy, mrr, meanCandidates, sentencesOf.Count)
        {
            Task = TaskKind.QuestionAnswering,
            Primary = new NamedMetric("accuracy_at_1", Summary.Single(accuracy)),
            Secondary = new OrderedDictionary<string, Summary>(StringComparer.Ordinal)
            {
                ["mrr"] = Summary.Single(mrr),
                ["mean_candidates"] = Summary.Single(meanCandidates),
                ["contexts"] = Summary.Single(sentencesOf.Count),
            },
            Counts = new EvaluationCounts(ranks.Count, notCovered, skipped),
            Embedding = batch.Stats,
            Elapsed = watch.Elapsed,
            Notes = notes,
        };
    }
}
