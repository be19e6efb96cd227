namespace EmbedDashboard.Core.Training;

/// <summary>The ways the app makes task-specific embedders; a training request and every job record name one.</summary>
public enum TrainingMethod
{
    /// <summary>fastText-style embedding layer trained with a linear classifier.</summary>
    EmbeddingLayer,
    /// <summary>BERT encoder fine-tuned (supervised or contrastive) with TorchSharp, exported to ONNX.</summary>
    FineTuneEncoder,
    /// <summary>PCA fitted on the training split: reduced-dimension variants of an embedder.</summary>
    ReduceDimension,
}
