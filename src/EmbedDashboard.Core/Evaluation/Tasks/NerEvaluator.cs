using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// NER with frozen per-word vectors (first sub-token of last_hidden_state for encoders, the word's
/// own vector for static embeddings) and a linear probe over BIO tags; entity-level P/R/F1 with exact
/// span match and per-type F1. Without a test split in the data, a seeded 70/30 sentence split is used.
/// </summary>
public static class NerEvaluator
{
    public static async Task<TaskEvaluation> EvaluateAsync(IWordLevelEmbedder embedder, IReadOnlyList<TaggedSentence> all, int maxSentences, int seed, EmbedOptions options, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var sentences = Sampling.Stratified(all, s => s.Split.ToString(), maxSentences, seed);
        var hasTest = sentences.Any(s => s.Split != Split.Train) && sentences.Any(s => s.Split == Split.Train);
        var isTest = new bool[sentences.Count];
        if (hasTest)
        {
            for (var i = 0; i < sentences.Count; i++) isTest[i] = sentences[i].Split != Split.Train;
        }
        else
        {
            var order = Enumerable.Range(0, sentences.Count).ToArray();
            new Random(seed).Shuffle(order);
            foreach (var i in order.Take((int)(sentences.Count * 0.3))) isTest[i] = true;
        }

        var batch = await embedder.EmbedWordsAsync(sentences.Select(s => s.Tokens).ToList(), options, EvaluationHelpers.Slice(progress, 0, 0.7, "Embedding tokens"), cancellationToken);
        var tags = sentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var d = batch.Dimension;
        var train = new List<int>();
        var test = new List<int>();
        var row = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            for (var t = 0; t < sentences[s].Tokens.Count; t++, row++) (isTest[s] ? test : train).Add(row);
        }

        var y = sentences.SelectMany(s => s.Tags).Select(t => tags.IndexOf(t)).ToArray();
        progress?.Report(new EvaluationProgress(0.75, $"Training the tag probe on {train.Count:N0} tokens"));
        var model = LogisticRegression.Fit(ClassificationEvaluator.Rows(batch.Data, d, [.. train]), train.Count, d, train.Select(i => y[i]).ToArray(), tags.Count, iterations: 200, cancellationToken: cancellationToken);
        var predictedIds = model.Predict(ClassificationEvaluator.Rows(batch.Data, d, [.. test]), test.Count);

        var gold = new List<IReadOnlyList<string>>();
        var predicted = new List<IReadOnlyList<string>>();
        var k = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            if (!isTest[s]) continue;
            gold.Add(sentences[s].Tags);
            predicted.Add(sentences[s].Tags.Select(_ => tags[predictedIds[k++]]).ToList());
        }

        var overall = EntityMetrics.Score(gold, predicted);
        var secondary = new List<NamedMetric>
        {
            EvaluationHelpers.Single("entity_precision", overall.Precision),
            EvaluationHelpers.Single("entity_recall", overall.Recall),
            EvaluationHelpers.Single("token_accuracy", ClassificationMetrics.Accuracy(test.Select(i => y[i]).ToArray(), predictedIds)),
            EvaluationHelpers.Single("oov_token_rate", batch.Count == 0 ? 0 : batch.MissingCount / (double)batch.Count),
            EvaluationHelpers.Single("test_entities", overall.Gold),
        };
        foreach (var type in tags.Where(t => t != "O").Select(t => t[2..]).Distinct().Order(StringComparer.Ordinal))
        {
            secondary.Add(EvaluationHelpers.Single($"f1[{type}]", EntityMetrics.Score(gold, predicted, type).F1));
        }

        progress?.Report(new EvaluationProgress(1, "Scored"));
        return new TaskEvaluation(EvaluationHelpers.Single("entity_f1", overall.F1), secondary, gold.Count, batch.Stats,
            [hasTest ? "Trained on the train split, scored on the others." : "No test split in the file: seeded 70/30 sentence split.",
             $"{sentences.Count:N0} of {all.Count:N0} sentences; {batch.MissingCount:N0} tokens had no vector (zero vector used)."]);
    }
}
