using System.ComponentModel.DataAnnotations;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Training.Jobs;

/// <summary>What the user asks to train; stored as the job's OptionsJson so the job page shows it and it can run again.</summary>
public sealed record TrainingRequest
{
    public string Name { get; init; } = "";
    public TrainingMethod Method { get; init; }
    public int DatasetId { get; init; }

    /// <summary>PCA base embedder; ignored by the other methods (GloVe and MiniLM are implied by their options).</summary>
    public string? BaseEmbedderId { get; init; }

    /// <summary>Stratified sample of the training split to train on (0 = all of it).</summary>
    [Range(0, 10_000_000)]
    public int MaxTrainExamples { get; init; } = 5000;

    public FastTextOptions EmbeddingLayer { get; init; } = new();
    public ReductionOptions Reduction { get; init; } = new();
    public FineTuneOptions FineTune { get; init; } = new();

    /// <summary>EmbeddingLayer on a NER dataset: the embedding layer trained with a window tagger.</summary>
    public Tagger.WindowTaggerOptions Tagger { get; init; } = new();
}

public sealed record ReductionOptions
{
    /// <summary>One reduced embedder per dimension (dimensions above the base's are skipped, and said so).</summary>
    public IReadOnlyList<int> Dimensions { get; init; } = [16, 32, 64, 128];

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Dimensions.Count == 0) problems.Add("Choose at least one target dimension.");
        if (Dimensions.Any(d => d < 1 || d > 4096)) problems.Add("Target dimensions must be between 1 and 4096.");
        return problems;
    }
}
