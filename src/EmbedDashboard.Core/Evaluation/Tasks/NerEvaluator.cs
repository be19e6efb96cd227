using System.Diagnostics;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;
using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// NER with frozen per-word vectors (first sub-token of last_hidden_state for encoders, the word's
/// own vector for static embeddings) and a linear probe (multinomial logistic regression) over the
/// BIO tags, trained on the train sentences; entity-level P/R/F1, seqeval-style, and per-type
/// scores on the test sentences. Without a test split in the data, a seeded sentence split is used.
/// </summary>
public static class NerEvaluator
{
    public static async Task<NerResult> EvaluateAsync(IWordLevelEmbedder embedder, IReadOnlyList<TaggedSentence> sentences, NerOptions options, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var wellFormed = sentences.Where(s => s.Tokens.Count > 0 && s.Tokens.Count == s.Tags.Count).ToList();
        var malformed = sentences.Count - wellFormed.Count;
        var sample = Sampling.Stratified(wellFormed, s => s.Split.ToString(), options.MaxSentences, options.Seed);
        var (role, usedFileSplit) = AssignRoles(sample, options);
        var used = Enumerable.Range(0, sample.Count).Where(s => role[s] != Role.Unused).ToList();
        if (!used.Any(s => role[s] == Role.Train) || !used.Any(s => role[s] == Role.Test))
        {
            throw new ArgumentException($"NER needs both training and test sentences; got {sample.Count} usable sentence(s).", nameof(sentences));
        }

        var usedSentences = used.Select(s => sample[s]).ToList();
        var batch = await embedder.EmbedWordsAsync(usedSentences.Select(s => s.Tokens).ToList(), embedOptions, new ProgressSlice(progress, 0, 0.6, "Embedding words"), cancellationToken);
        var totalTokens = usedSentences.Sum(s => s.Tokens.Count);
        if (batch.Count != totalTokens) throw new InvalidOperationException($"The embedder returned {batch.Count} word vectors for {totalTokens} words.");

        var tags = usedSentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var tagIndex = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var trainRows = new List<int>();
        var testRows = new List<int>();
        var row = 0;
        foreach (var s in used)
        {
            for (var t = 0; t < sample[s].Tokens.Count; t++, row++) (role[s] == Role.Train ? trainRows : testRows).Add(row);
        }

        var y = usedSentences.SelectMany(s => s.Tags).Select(t => tagIndex[t]).ToArray();
        var d = batch.Dimension;
        progress?.Report(new EvaluationProgress(0.65, $"Training the tag probe on {trainRows.Count:N0} words"));
        var model = LogisticRegression.Fit(RowMath.Gather(batch.Data, d, trainRows), trainRows.Count, d, trainRows.Select(i => y[i]).ToArray(), tags.Count, options.L2, options.MaxIterations, cancellationToken);
        var predictedIds = model.Predict(RowMath.Gather(batch.Data, d, testRows), testRows.Count);

        var gold = new List<IReadOnlyList<string>>();
        var predicted = new List<IReadOnlyList<string>>();
        var next = 0;
        foreach (var s in used.Where(s => role[s] == Role.Test))
        {
            gold.Add(sample[s].Tags);
            predicted.Add(sample[s].Tags.Select(_ => tags[predictedIds[next++]]).ToList());
        }

        var overall = EntityMetrics.Score(gold, predicted);
        // Per test sentence: entity counts, so a resample of sentences recomputes F1 from its summed counts.
        var testOrder = used.Where(s => role[s] == Role.Test).ToList();
        var rows = new List<double[]?>(gold.Count);
        for (var k = 0; k < gold.Count; k++)
        {
            var one = EntityMetrics.Score([gold[k]], [predicted[k]]);
            rows.Add([one.Correct, one.Predicted, one.Gold]);
        }

        var items = ItemOutcomes.Create("entity_f1", ItemStatistic.EntityF1, testOrder.Select(s => ItemOutcomes.Key(string.Join(' ', sample[s].Tokens), string.Join(' ', sample[s].Tags))), rows);
        var perType = EntityMetrics.ScoreByType(gold, predicted);
        var tokenAccuracy = ClassificationMetrics.Accuracy(testRows.Select(i => y[i]).ToArray(), predictedIds);
        var secondary = new OrderedDictionary<string, Summary>(StringComparer.Ordinal)
        {
            ["entity_precision"] = Summary.Single(overall.Precision),
            ["entity_recall"] = Summary.Single(overall.Recall),
            ["token_accuracy"] = Summary.Single(tokenAccuracy),
            ["test_entities"] = Summary.Single(overall.Gold),
            ["predicted_entities"] = Summary.Single(overall.Predicted),
            ["train_tokens"] = Summary.Single(trainRows.Count),
            ["test_tokens"] = Summary.Single(testRows.Count),
            ["oov_token_rate"] = Summary.Single(batch.Count == 0 ? 0 : batch.MissingCount / (double)batch.Count),
        };
        foreach (var (type, scores) in perType) secondary[$"f1[{type}]"] = Summary.Single(scores.F1);

        var testSentences = gold.Count;
        var unused = sample.Count - used.Count;
        var notes = new List<string>
        {
            usedFileSplit
                ? "Tag probe trained on the train split and scored on the test split."
                : $"No test split in the data: a seeded {options.TestFraction:P0} of the sentences was held out for scoring.",
            $"{batch.MissingCount:N0} of {batch.Count:N0} words had no vector (a zero vector was used).",
        };
        if (!model.Converged) notes.Add($"The tag probe reached its {options.MaxIterations}-iteration cap before converging.");
        if (sample.Count < wellFormed.Count) notes.Add($"Evaluated a sample of {sample.Count:N0} of {wellFormed.Count:N0} sentences.");
        if (unused > 0) notes.Add($"{unused:N0} dev sentence(s) were not used.");
        if (malformed > 0) notes.Add($"{malformed:N0} sentence(s) without tokens or with a tag count different from the token count were skipped.");
        progress?.Report(new EvaluationProgress(1, "Scored"));
        return new NerResult(overall, perType, tokenAccuracy, used.Count - testSentences, testSentences, trainRows.Count, testRows.Count, batch.MissingCount, usedFileSplit)
        {
            Task = TaskKind.Ner,
            Primary = new NamedMetric("entity_f1", Summary.Single(overall.F1)),
            Secondary = secondary,
            Counts = new EvaluationCounts(used.Count, Skipped: unused + malformed + (wellFormed.Count - sample.Count)),
            Embedding = batch.Stats,
            Elapsed = watch.Elapsed,
            Notes = notes,
            Items = items,
        };
    }

    private enum Role
    {
        Train,
        Test,
        Unused,
    }

    /// <summary>
    /// The file's own split when it has test sentences (dev sentences then unused); otherwise a
    /// seeded share of all sentences is held out.
    /// </summary>
    private static (Role[] Roles, bool UsedFileSplit) AssignRoles(IReadOnlyList<TaggedSentence> sentences, NerOptions options)
    {
        var roles = new Role[sentences.Count];
        if (sentences.Any(s => s.Split == Split.Test) && sentences.Any(s => s.Split == Split.Train))
        {
            for (var i = 0; i < sentences.Count; i++)
            {
                roles[i] = sentences[i].Split switch { Split.Train => Role.Train, Split.Test => Role.Test, _ => Role.Unused };
            }

            return (roles, true);
        }

        var order = Enumerable.Range(0, sentences.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var testCount = (int)Math.Round(sentences.Count * options.TestFraction);
        for (var k = 0; k < order.Length; k++) roles[order[k]] = k < testCount ? Role.Test : Role.Train;
        return (roles, false);
    }
}
