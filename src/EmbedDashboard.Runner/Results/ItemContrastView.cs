namespace EmbedDashboard.Runner.Results;

/// <summary>
/// A classification dataset item by item: the best task-specific embedder against the best general one (the verdict's
/// baseline), on the items both scored. When the comparison cannot be made, <see cref="Unavailable"/> says why and the
/// lists are empty.
/// </summary>
/// <param name="SpecificOnlyRight">Items the task-specific embedder classifies right and the general one wrong (at most <see cref="ItemContrastBuilder.MaxItems"/>).</param>
/// <param name="SpecificOnlyRightTotal">How many such items there are in all, before the cap.</param>
public sealed record ItemContrastView(
    int DatasetId,
    string DatasetName,
    string TaskSpecificName,
    string GeneralName,
    string? Unavailable,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ContrastItem> SpecificOnlyRight,
    int SpecificOnlyRightTotal,
    IReadOnlyList<ContrastItem> GeneralOnlyRight,
    int GeneralOnlyRightTotal,
    EmbedderConfusion? TaskSpecific,
    EmbedderConfusion? General)
{
    /// <summary>The same items' accuracy by text length and by unseen-word share (<see cref="ScoreSlices"/>).</summary>
    public IReadOnlyList<SliceTable> Slices { get; init; } = [];
}

/// <summary>One scored item with both embedders' predictions (first seed).</summary>
public sealed record ContrastItem(int Index, string Text, string Gold, string TaskSpecificPredicted, string GeneralPredicted);

/// <summary>An embedder's confusion matrix (Counts[gold][predicted], in label order) and per-class F1 (NaN where a class is neither gold nor predicted).</summary>
public sealed record EmbedderConfusion(string EmbedderName, int[][] Counts, IReadOnlyList<double> F1);
