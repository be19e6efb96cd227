using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Web.Components.Pages.Training;

/// <summary>The method and objective labels of the Training form, worded for the chosen dataset's task.</summary>
public static class TrainingChoices
{
    public static string MethodLabel(TrainingMethod method) => method switch
    {
        TrainingMethod.EmbeddingLayer => "Embedding layer trained with the model (fastText-style)",
        TrainingMethod.FineTuneEncoder => "Fine-tune MiniLM (TorchSharp)",
        TrainingMethod.ReduceDimension => "Reduce dimension (PCA on the training split)",
        _ => method.ToString(),
    };

    /// <summary>Supervised names what it trains on this task (labels, tags, pairs or scored pairs); the self-supervised ones say which texts they take.</summary>
    public static string ObjectiveLabel(FineTuneObjective objective, TaskKind task) => objective switch
    {
        FineTuneObjective.Supervised => $"Supervised: {TrainingTaskRules.SupervisedMeaning(task)}",
        FineTuneObjective.ContrastiveCrop => $"Contrastive, positives by cropping ({TextsOf(task)}, no labels)",
        FineTuneObjective.ContrastiveDropout => $"Contrastive, positives by dropout (SimCSE; {TextsOf(task)}, no labels)",
        _ => objective.ToString(),
    };

    private static string TextsOf(TaskKind task) => task switch
    {
        TaskKind.Ner => "the sentences",
        TaskKind.FaqRetrieval => "questions and answers",
        TaskKind.QuestionAnswering => "the contexts",
        TaskKind.Sts => "both sentences of each pair",
        _ => "the texts",
    };
}
