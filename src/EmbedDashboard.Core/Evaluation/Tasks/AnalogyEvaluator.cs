using System.Diagnostics;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;
using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// a : b :: c : ? over a restricted vocabulary (the first N words of a frequency-ordered list, as
/// gensim's evaluate_word_analogies with restrict_vocab), question words excluded from the answers,
/// by 3CosAdd (Mikolov et al. 2013) and 3CosMul (Levy &amp; Goldberg 2014). A question with any of
/// its four words outside the vocabulary is not covered; accuracy is reported over covered
/// questions and over all, overall and per section.
/// </summary>
public static class AnalogyEvaluator
{
    /// <param name="vocabulary">Candidate words, most frequent first (e.g. GloVe's word list); only the first <see cref="AnalogyOptions.VocabularySize"/> are used.</param>
    public static async Task<AnalogyResult> EvaluateAsync(IEmbedder embedder, IReadOnlyList<AnalogyQuestion> questions, IReadOnlyList<string> vocabulary, AnalogyOptions options, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var restricted = options.VocabularySize > 0 && vocabulary.Count > options.VocabularySize ? vocabulary.Take(options.VocabularySize).ToList() : vocabulary;
        var batch = await embedder.EmbedAsync(restricted, embedOptions, new ProgressSlice(progress, 0, 0.5, "Embedding vocabulary"), cancellationToken);
        var n = batch.Count;
        var d = batch.Dimension;

        // The first (most frequent) variant of a word with a vector answers for it; other rows never do.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var nonCandidates = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (batch.Missing[i] || !index.TryAdd(Key(restricted[i], options), i)) nonCandidates.Add(i);
        }

        var queries = new List<AnalogyQuery>();
        var expected = new List<int>();
        var questionOfQuery = new List<int>();
        for (var q = 0; q < questions.Count; q++)
        {
            var question = questions[q];
            if (index.TryGetValue(Key(question.A, options), out var a) && index.TryGetValue(Key(question.B, options), out var b)
                && index.TryGetValue(Key(question.C, options), out var c) && index.TryGetValue(Key(question.D, options), out var answer))
            {
                queries.Add(new AnalogyQuery(a, b, c));
                expected.Add(answer);
                questionOfQuery.Add(q);
            }
        }

        progress?.Report(new EvaluationProgress(0.5, $"Searching {queries.Count:N0} questions over {n:N0} words"));
        var searchWatch = Stopwatch.StartNew();
        var search = new AnalogySearch(RowMath.UnitRows(batch.Data, n, d), n, d, nonCandidates, options.SearchMemoryBytes);
        var answers = search.Solve(queries, new ProgressRange(progress, 0.5, 1), cancellationToken);
        var searchTime = searchWatch.Elapsed;

        var sections = Tally(questions, questionOfQuery, expected, answers);
        int covered = queries.Count, correctAdd = sections.Sum(s => s.CorrectAdd), correctMul = sections.Sum(s => s.CorrectMul);
        double add = Ratio(correctAdd, covered), mul = Ratio(correctMul, covered);
        double addAll = Ratio(correctAdd, questions.Count), mulAll = Ratio(correctMul, questions.Count);

        var secondary = new OrderedDictionary<string, Summary>(StringComparer.Ordinal)
        {
            ["3cosmul_accuracy"] = Summary.Single(mul),
            ["3cosadd_accuracy_all"] = Summary.Single(addAll),
            ["3cosmul_accuracy_all"] = Summary.Single(mulAll),
            ["vocabulary"] = Summary.Single(n),
            ["vocabulary_without_vector"] = Summary.Single(batch.MissingCount),
            ["search_seconds"] = Summary.Single(searchTime.TotalSeconds),
        };
        foreach (var s in sections)
        {
            secondary[$"3cosadd[{s.Section}]"] = Summary.Single(s.AddAccuracy);
            secondary[$"3cosmul[{s.Section}]"] = Summary.Single(s.MulAccuracy);
        }

        var notes = new List<string>
        {
            $"{covered:N0} of {questions.Count:N0} questions have all four words among the first {n:N0} vocabulary words; accuracy is over those, the *_all values count the others as wrong.",
            $"Search took {searchTime.TotalSeconds:0.00} s ({(searchTime > TimeSpan.Zero ? covered / searchTime.TotalSeconds : 0):N0} questions/s).",
        };
        if (batch.MissingCount > 0) notes.Add($"{batch.MissingCount:N0} vocabulary word(s) had no vector and cannot be answers.");
        progress?.Report(new EvaluationProgress(1, "Scored"));
        return new AnalogyResult(n, batch.MissingCount, add, mul, addAll, mulAll, sections, searchTime)
        {
            Task = TaskKind.Analogy,
            Primary = new NamedMetric("3cosadd_accuracy", Summary.Single(add)),
            Secondary = secondary,
            Counts = new EvaluationCounts(covered, questions.Count - covered),
            Embedding = batch.Stats,
            Elapsed = watch.Elapsed,
            Notes = notes,
            Items = PerQuestion(questions, questionOfQuery, expected, answers),
        };
    }

    /// <summary>3CosAdd right (1) or wrong (0) per question, null for one not covered (a word outside the vocabulary).</summary>
    private static ItemOutcomes PerQuestion(IReadOnlyList<AnalogyQuestion> questions, List<int> questionOfQuery, List<int> expected, (int Add, int Mul)[] answers)
    {
        var rows = new double[]?[questions.Count];
        for (var k = 0; k < answers.Length; k++) rows[questionOfQuery[k]] = [answers[k].Add == expected[k] ? 1 : 0];
        return ItemOutcomes.Create("3cosadd_accuracy", ItemStatistic.Mean, questions.Select(q => ItemOutcomes.Key(q.Section, q.A, q.B, q.C, q.D)), rows);
    }

    private static double Ratio(int x, int y) => y == 0 ? double.NaN : x / (double)y;

    private static string Key(string word, AnalogyOptions options) => options.CaseInsensitive ? word.ToLowerInvariant() : word;

    /// <summary>Per-section counts in order of first appearance (the file's order).</summary>
    private static List<AnalogySectionScore> Tally(IReadOnlyList<AnalogyQuestion> questions, List<int> questionOfQuery, List<int> expected, (int Add, int Mul)[] answers)
    {
        var order = new List<string>();
        var counts = new Dictionary<string, (int Questions, int Covered, int Add, int Mul)>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (!counts.ContainsKey(question.Section)) order.Add(question.Section);
            var entry = counts.GetValueOrDefault(question.Section);
            counts[question.Section] = entry with { Questions = entry.Questions + 1 };
        }

        for (var k = 0; k < answers.Length; k++)
        {
            var section = questions[questionOfQuery[k]].Section;
            var entry = counts[section];
            counts[section] = (entry.Questions, entry.Covered + 1, entry.Add + (answers[k].Add == expected[k] ? 1 : 0), entry.Mul + (answers[k].Mul == expected[k] ? 1 : 0));
        }

        return order.Select(s => new AnalogySectionScore(s, counts[s].Questions, counts[s].Covered, counts[s].Add, counts[s].Mul)).ToList();
    }
}
