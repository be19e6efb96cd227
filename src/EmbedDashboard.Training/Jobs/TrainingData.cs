using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// The training split of a dataset, as the trainers take it. The test split is kept
/// out of training entirely: experiments score trained embedders on it, so training on it would leak.
/// </summary>
public sealed partial record TrainingData(DatasetEntity Dataset, IReadOnlyList<string> Classes, IReadOnlyList<string> TrainTexts, IReadOnlyList<int> TrainLabels, IReadOnlyList<string> TestTexts, IReadOnlyList<int> TestLabels)
{
    /// <summary>Reads the dataset's items and keeps its training split, in the shape its task trains with.</summary>
    public static async Task<TrainingData> LoadAsync(DatasetStore datasets, DatasetEntity dataset, TrainingRequest request, CancellationToken cancellationToken)
    {
        const int seed = 13;
        var max = request.MaxTrainExamples;
        return dataset.Task switch
        {
            TaskKind.Ner => FromTagged(dataset, await datasets.LoadItemsAsync<TaggedSentence>(dataset.Id, cancellationToken), max, seed),
            TaskKind.FaqRetrieval => FromFaq(dataset, await datasets.LoadItemsAsync<FaqPair>(dataset.Id, cancellationToken), max, seed),
            TaskKind.QuestionAnswering => FromQa(dataset, await datasets.LoadItemsAsync<QaExample>(dataset.Id, cancellationToken), max, seed),
            TaskKind.Sts => FromScored(dataset, await datasets.LoadItemsAsync<ScoredPair>(dataset.Id, cancellationToken), max, seed),
            _ => From(dataset, await datasets.LoadItemsAsync<LabeledText>(dataset.Id, cancellationToken), max, seed),
        };
    }

    /// <summary>NER datasets: the tagged sentences of each split (TrainTexts are the same sentences as plain text, for the methods that read texts).</summary>
    public TaggingSplits? Tagging { get; init; }

    /// <summary>
    /// The training split of a NER dataset (a seeded sample of at most <paramref name="maxTrainExamples"/> sentences)
    /// and its whole test split. Classes are the BIO tags; a dataset without a test split is refused as for classification.
    /// </summary>
    public static TrainingData FromTagged(DatasetEntity dataset, IReadOnlyList<TaggedSentence> items, int maxTrainExamples, int seed)
    {
        var train = items.Where(i => i.Split == Split.Train && i.Tokens.Count > 0 && i.Tokens.Count == i.Tags.Count).ToList();
        var test = items.Where(i => i.Split == Split.Test).ToList();
        if (train.Count == 0) throw new TrainingInputException($"'{dataset.Name}' has no training sentences: there is nothing to train on.");
        if (test.Count == 0)
        {
            throw new TrainingInputException($"'{dataset.Name}' has no test split. A trained embedder must be scored on sentences it never saw, so training needs a held-out " +
                "test split: import the CoNLL training file together with its test file (the Datasets page's held-out test file, or `embeddash import TRAIN --test TEST`).");
        }

        var random = new Random(seed);
        var sample = Sampling.Subset(train, maxTrainExamples, random);
        var tags = items.SelectMany(i => i.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        return new TrainingData(dataset, tags, sample.Select(s => string.Join(' ', s.Tokens)).ToList(), [],
            test.Select(s => string.Join(' ', s.Tokens)).ToList(), [])
        {
            Tagging = new TaggingSplits(sample, test),
        };
    }

    public static TrainingData From(DatasetEntity dataset, IReadOnlyList<LabeledText> items, int maxTrainExamples, int seed)
    {
        if (dataset.Task != TaskKind.Classification)
        {
            throw new TrainingInputException($"'{dataset.Name}' is a {dataset.Task} dataset; training needs a classification dataset (texts with labels).");
        }

        var train = items.Where(i => i.Split == Split.Train).ToList();
        var test = items.Where(i => i.Split == Split.Test).ToList();
        if (train.Count == 0) throw new TrainingInputException($"'{dataset.Name}' has no training split: there is nothing to train on.");
        if (test.Count == 0)
        {
            throw new TrainingInputException($"'{dataset.Name}' has no test split. A trained embedder must be scored on texts it never saw, " +
                "so training needs a held-out test split (import the file with a split column, or use a built-in dataset that has one).");
        }

        var sample = maxTrainExamples > 0 ? Sampling.Stratified(train, i => i.Label, maxTrainExamples, seed) : train;
        var classes = items.Select(i => i.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2) throw new TrainingInputException($"'{dataset.Name}' has only one label ({classes[0]}); a classifier needs at least two.");
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        return new TrainingData(dataset, classes,
            sample.Select(i => i.Text).ToList(), sample.Select(i => index[i.Label]).ToList(),
            test.Select(i => i.Text).ToList(), test.Select(i => index[i.Label]).ToList());
    }
}

/// <summary>Tagged sentences for the NER training methods; the test split is only ever used to report the tagger's own score.</summary>
public sealed record TaggingSplits(IReadOnlyList<TaggedSentence> Train, IReadOnlyList<TaggedSentence> Test);

/// <summary>The user's input cannot be trained on; the message says why, in their terms.</summary>
public sealed class TrainingInputException(string message) : Core.Jobs.JobInputException(message);
