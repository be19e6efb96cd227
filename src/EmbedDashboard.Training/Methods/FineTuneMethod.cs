using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Methods;

/// <summary>Fine-tunes MiniLM with TorchSharp and exports it back to ONNX.</summary>
public static class FineTuneMethod
{
    public static MethodOutcome Train(TrainingContext context) =>
        throw new TrainingInputException("Encoder fine-tuning is not available in this build yet.");
}
