namespace EmbedDashboard.Training.FineTuning;

// PLACEHOLDER until the fine-tuning part lands; replaced by the real options record.
public enum FineTuneObjective { Supervised, ContrastiveCrop, ContrastiveDropout }

public sealed record FineTuneOptions
{
    public FineTuneObjective Objective { get; init; }
    public int TrainLastLayers { get; init; }
    public IReadOnlyList<string> Validate() => [];
}
