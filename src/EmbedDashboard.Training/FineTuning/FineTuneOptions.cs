namespace EmbedDashboard.Training.FineTuning;

// PLACEHOLDER until the fine-tuning part lands; replaced by the real options record.
public enum FineTuneObjective { Supervised, ContrastiveCrop, ContrastiveDropout }

public sealed record FineTuneOptions
{
    public FineTuneObjective Objective { get; init; }
    public int TrainLastLayers { get; init; }
    public int Epochs { get; init; } = 1;
    public int BatchSize { get; init; } = 16;
    public double LearningRate { get; init; } = 3e-5;
    public double Temperature { get; init; } = 0.05;
    public int MaxTokens { get; init; } = 128;
    public TimeSpan? TimeBudget { get; init; }
    public int Seed { get; init; } = 13;
    public int MaxExamples { get; init; }
    public IReadOnlyList<string> Validate() => [];
}
