using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// The training split of a classification dataset, as the trainers take it. The test split is kept
/// out of training entirely: experiments score trained embedders on it, so training on it would leak.
/// </summary>
public sealed record TrainingData(DatasetEntity Dataset, IReadOnlyList<string> Classes, IReadOnlyList<string> TrainTexts, IReadOnlyList<int> TrainLabels, IReadOnlyList<string> TestTexts, IReadOnlyList<int> TestLabels)
{
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

/// <summary>The user's input cannot be trained on; the message says why, in their terms.</summary>
public sealed class TrainingInputException(string message) : Exception(message);
