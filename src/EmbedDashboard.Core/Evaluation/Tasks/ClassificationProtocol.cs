namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>How train and test rows were chosen for the probes.</summary>
public enum ClassificationProtocol
{
    /// <summary>The items' own split: train on all of Train, test on Test, once (deterministic probes).</summary>
    HeldOutSplit,
    /// <summary>The items' own split, each seed training on a stratified subsample of Train.</summary>
    SubsampledSplit,
    /// <summary>No split in the items: stratified k-fold, reshuffled for each seed.</summary>
    RepeatedStratifiedKFold,
}
