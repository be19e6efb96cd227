using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// The training split of a pair dataset (FAQ retrieval, QA, STS). Only items marked Train are read: pairs, and the texts
/// the self-supervised objectives take, never include a test item, since experiments score on the test split.
/// </summary>
public sealed partial record TrainingData
{
    /// <summary>Pair datasets: the training pairs and what they teach (TrainTexts are their distinct texts, for the self-supervised methods).</summary>
    public PairSplits? Pairs { get; init; }

    /// <summary>FAQ retrieval: question → its answer; the texts are the questions and answers.</summary>
    public static TrainingData FromFaq(DatasetEntity dataset, IReadOnlyList<FaqPair> items, int maxTrainExamples, int seed)
    {
        var train = items.Where(i => i.Split == Split.Train && i.Question.Length > 0 && i.Answer.Length > 0).Select(i => new TrainingPair(i.Question, i.Answer)).ToList();
        var test = items.Where(i => i.Split == Split.Test).Select(i => i.Question).ToList();
        return FromPairs(dataset, train, test, PairObjective.Contrastive, train.SelectMany(p => new[] { p.Query, p.Passage }), maxTrainExamples, seed);
    }

    /// <summary>
    /// Extractive QA: question → the sentence of its context holding the answer's start, split as
    /// <see cref="QaEvaluator"/> splits it. The evaluator ranks a context's sentences, so the whole context as the positive
    /// would teach nothing about which sentence answers; the other sentences are in-batch (and minable hard) negatives.
    /// Questions whose answer starts in no sentence are left out. The self-supervised texts are the contexts.
    /// </summary>
    public static TrainingData FromQa(DatasetEntity dataset, IReadOnlyList<QaExample> items, int maxTrainExamples, int seed)
    {
        var trainExamples = items.Where(i => i.Split == Split.Train).ToList();
        var sentencesOf = new Dictionary<string, IReadOnlyList<SentenceSpan>>(StringComparer.Ordinal);
        var train = new List<TrainingPair>();
        foreach (var e in trainExamples)
        {
            if (!sentencesOf.TryGetValue(e.Context, out var sentences)) sentencesOf[e.Context] = sentences = SentenceSplitter.Split(e.Context);
            var answer = sentences.FirstOrDefault(s => e.Answers.Any(a => s.Contains(a.Start)));
            if (answer is not null && e.Question.Length > 0) train.Add(new TrainingPair(e.Question, answer.Text));
        }

        var test = items.Where(i => i.Split == Split.Test).Select(i => i.Question).ToList();
        return FromPairs(dataset, train, test, PairObjective.Contrastive, trainExamples.Select(e => e.Context), maxTrainExamples, seed);
    }

    /// <summary>STS / SICK: scored sentence pairs (pairs without a gold score are left out); the texts are both sentences.</summary>
    public static TrainingData FromScored(DatasetEntity dataset, IReadOnlyList<ScoredPair> items, int maxTrainExamples, int seed)
    {
        var train = items.Where(i => i.Split == Split.Train && i.Score is { } s && !double.IsNaN(s)).Select(i => new TrainingPair(i.A, i.B, i.Score)).ToList();
        var test = items.Where(i => i.Split == Split.Test).Select(i => i.A).ToList();
        return FromPairs(dataset, train, test, PairObjective.Similarity, train.SelectMany(p => new[] { p.Query, p.Passage }), maxTrainExamples, seed);
    }

    private static TrainingData FromPairs(DatasetEntity dataset, List<TrainingPair> train, IReadOnlyList<string> testQueries, PairObjective objective, IEnumerable<string> texts, int maxTrainExamples, int seed)
    {
        if (train.Count == 0)
        {
            throw new TrainingInputException($"'{dataset.Name}' has no training pairs: a pair file imported alone is all test split. " +
                "Import the training file together with a held-out test file (the Datasets page's held-out test file, or `embeddash import TRAIN --test TEST`).");
        }

        if (testQueries.Count == 0)
        {
            throw new TrainingInputException($"'{dataset.Name}' has no test split. A trained embedder must be scored on pairs it never saw, so training needs a held-out " +
                "test split (`embeddash import TRAIN --test TEST`).");
        }

        // A seeded sample of the pairs; the texts for the self-supervised objectives come from all training pairs.
        var random = new Random(seed);
        var sample = Sampling.Subset(train, maxTrainExamples, random);
        var sampledTexts = Sampling.Subset(texts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(), maxTrainExamples, random);
        return new TrainingData(dataset, [], sampledTexts, [], testQueries, [])
        {
            Pairs = new PairSplits(objective, sample, testQueries.Count),
        };
    }
}

/// <summary>The training pairs of a pair dataset and how many test items it holds (scored by experiments, never trained on).</summary>
public sealed record PairSplits(PairObjective Objective, IReadOnlyList<TrainingPair> Train, int TestCount);
