using EmbedDashboard.Inference.Bert;

namespace EmbedDashboard.Training.FineTuning;

public enum FineTuneObjective
{
    /// <summary>Mean-pooled embedding → linear head → cross-entropy on class labels.</summary>
    Supervised,

    /// <summary>Two random contiguous token spans of the same text are a positive pair (in-batch negatives, InfoNCE).</summary>
    ContrastiveCrop,

    /// <summary>The same text encoded twice with different dropout masks is a positive pair (SimCSE).</summary>
    ContrastiveDropout,
}

/// <summary>How to fine-tune an encoder. Defaults follow common sentence-transformers practice.</summary>
public sealed record FineTuneOptions
{
    public FineTuneObjective Objective { get; init; } = FineTuneObjective.Supervised;

    /// <summary>0 = train all layers and the embeddings; N = only the last N encoder layers (the rest frozen).</summary>
    public int TrainLastLayers { get; init; }

    public int Epochs { get; init; } = 1;
    public int BatchSize { get; init; } = 16;

    /// <summary>AdamW learning rate of the encoder (constant, no warm-up).</summary>
    public double LearningRate { get; init; } = 3e-5;

    /// <summary>
    /// AdamW learning rate of the freshly initialised classification head (Supervised only). Higher
    /// than the encoder's because a random head learns far too slowly at 3e-5 (SetFit does the same).
    /// </summary>
    public double HeadLearningRate { get; init; } = 1e-3;

    /// <summary>InfoNCE temperature τ: similarities are divided by it before the softmax. CoSENT (scored pairs) scales cosine differences by 1/τ (20 at the default).</summary>
    public double Temperature { get; init; } = 0.05;

    /// <summary>
    /// Pair (retrieval / QA) fine-tuning only: add to each query the training passage the start model ranks highest
    /// after its own positive as an extra negative (one more passage per query in each batch).
    /// </summary>
    public bool HardNegatives { get; init; }

    /// <summary>Tokens per text including [CLS] and [SEP]; longer texts keep their head.</summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>Stop cleanly (and return the weights so far) once the training loop has run this long (loading not counted).</summary>
    public TimeSpan? TimeBudget { get; init; }

    public int Seed { get; init; } = 13;

    /// <summary>Use at most this many texts (a seeded random subset); 0 = all.</summary>
    public int MaxExamples { get; init; }

    /// <summary>Problems in plain words; empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate(BertConfig? config = null)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Objective)) problems.Add($"Objective {(int)Objective} is not a known objective.");
        if (TrainLastLayers < 0) problems.Add("TrainLastLayers must be 0 (all layers) or a positive number of layers.");
        if (config is not null && TrainLastLayers > config.Layers) problems.Add($"TrainLastLayers is {TrainLastLayers} but the encoder has only {config.Layers} layers.");
        if (Epochs < 1) problems.Add("Epochs must be at least 1.");
        if (BatchSize < 1) problems.Add("BatchSize must be at least 1.");
        if (Objective != FineTuneObjective.Supervised && BatchSize < 2) problems.Add("Contrastive objectives need BatchSize ≥ 2 (the other texts in a batch are the negatives).");
        if (!(LearningRate > 0 && LearningRate < 1)) problems.Add("LearningRate must be between 0 and 1.");
        if (!(HeadLearningRate > 0 && HeadLearningRate < 1)) problems.Add("HeadLearningRate must be between 0 and 1.");
        if (!(Temperature > 0 && Temperature <= 10)) problems.Add("Temperature must be above 0 (and at most 10).");
        if (MaxTokens < 3) problems.Add("MaxTokens must be at least 3 ([CLS], one token, [SEP]).");
        if (config is not null && MaxTokens > config.MaxPositions) problems.Add($"MaxTokens {MaxTokens} exceeds the encoder's {config.MaxPositions} positions.");
        if (TimeBudget is { } budget && budget <= TimeSpan.Zero) problems.Add("TimeBudget must be positive when set.");
        if (MaxExamples < 0) problems.Add("MaxExamples must be 0 (all) or positive.");
        return problems;
    }
}

/// <summary>
/// What fine-tuning produced: the weights (ready for BertOnnxExporter), the loss curve (seconds from
/// the first step) and throughput. Elapsed includes loading and copying the weights out;
/// ExamplesPerSecond counts only the training loop.
/// </summary>
public sealed record FineTuneResult(
    BertWeights Weights,
    IReadOnlyList<LossPoint> Curve,
    int ExamplesSeen,
    TimeSpan Elapsed,
    double ExamplesPerSecond,
    bool StoppedByTimeBudget);
