using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// Which methods and objectives fit which dataset task, in one place: the service refuses a misfit with the reason and
/// the Training page offers only what fits.
/// </summary>
public static class TrainingTaskRules
{
    /// <summary>Pair tasks: trained from their pairs (contrastive or CoSENT) or their texts (self-supervised).</summary>
    public static bool IsPairTask(TaskKind task) => task is TaskKind.FaqRetrieval or TaskKind.QuestionAnswering or TaskKind.Sts;

    /// <summary>The tasks any method trains on (the others are word-level resources with no training split).</summary>
    public static bool IsTrainable(TaskKind task) => task is TaskKind.Classification or TaskKind.Ner || IsPairTask(task);

    public static IReadOnlyList<TrainingMethod> MethodsFor(TaskKind task) => !IsTrainable(task) ? []
        : IsPairTask(task) ? [TrainingMethod.FineTuneEncoder, TrainingMethod.ReduceDimension]
        : [TrainingMethod.EmbeddingLayer, TrainingMethod.FineTuneEncoder, TrainingMethod.ReduceDimension];

    /// <summary>Every objective fits every trainable task; what Supervised means depends on the task (see <see cref="SupervisedMeaning"/>).</summary>
    public static IReadOnlyList<FineTuneObjective> ObjectivesFor(TaskKind task) => IsTrainable(task) ? Enum.GetValues<FineTuneObjective>() : [];

    /// <summary>What the Supervised objective trains on a dataset of this task, in words.</summary>
    public static string SupervisedMeaning(TaskKind task) => task switch
    {
        TaskKind.Ner => "token classification (a tag head per word, cross-entropy)",
        TaskKind.FaqRetrieval => "question → answer pairs, symmetric InfoNCE with in-batch negatives",
        TaskKind.QuestionAnswering => "question → the context sentence holding the answer, symmetric InfoNCE with in-batch negatives",
        TaskKind.Sts => "scored sentence pairs, CoSENT",
        _ => "classification head, cross-entropy",
    };

    /// <summary>Why the request cannot train on this dataset, in the user's terms; empty when it fits.</summary>
    public static IReadOnlyList<string> Problems(DatasetEntity dataset, TrainingRequest request)
    {
        if (!IsTrainable(dataset.Task))
        {
            return [$"'{dataset.Name}' is a {dataset.Task} dataset, which has no training texts; training needs a classification dataset (texts with labels), " +
                "a NER dataset (CoNLL sentences with tags), or a FAQ-retrieval, question-answering or STS dataset (pairs with a training split)."];
        }

        if (!MethodsFor(dataset.Task).Contains(request.Method))
        {
            return request.Method == TrainingMethod.EmbeddingLayer
                ? [$"'{dataset.Name}' is a {dataset.Task} dataset: the embedding layer is trained with a classifier (or a tagger) on labels, and pairs have none. " +
                    "Fine-tune MiniLM instead (Supervised = the pair loss; ContrastiveCrop or ContrastiveDropout on its texts)."]
                : [$"{request.Method} does not train on a {dataset.Task} dataset."];
        }

        return [];
    }
}
