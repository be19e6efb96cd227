using EmbedDashboard.Core.Datasets;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// A dataset item by item: by default the best task-specific embedder against the best general one (the verdict's
/// baseline), or any two runs the reader picked — "TaskSpecific…" names the first of the pair, "General…" the second.
/// Classification fills the prediction lists, confusion matrices and slices; other tasks fill <see cref="Differences"/>.
/// When the comparison cannot be made, <see cref="Unavailable"/> says why and the lists are empty.
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

    /// <summary>Tasks other than classification: the items each run scores better, by how much.</summary>
    public ItemDifferenceLists? Differences { get; init; }

    public TaskKind Task { get; init; } = TaskKind.Classification;

    public int FirstRunId { get; init; }

    public int SecondRunId { get; init; }

    /// <summary>True when the pair is the verdict's (best task-specific or next best vs the baseline), not one the reader picked.</summary>
    public bool IsDefaultPair { get; init; } = true;

    /// <summary>The dataset's done runs, any two of which can be compared.</summary>
    public IReadOnlyList<RunChoice> Choices { get; init; } = [];
}

/// <summary>A run the item view can compare, by its embedder's name.</summary>
public sealed record RunChoice(int RunId, string EmbedderName, bool IsGeneral);

/// <summary>One scored item with both embedders' predictions (first seed).</summary>
public sealed record ContrastItem(int Index, string Text, string Gold, string TaskSpecificPredicted, string GeneralPredicted);

/// <summary>An embedder's confusion matrix (Counts[gold][predicted], in label order) and per-class F1 (NaN where a class is neither gold nor predicted).</summary>
public sealed record EmbedderConfusion(string EmbedderName, int[][] Counts, IReadOnlyList<double> F1);
