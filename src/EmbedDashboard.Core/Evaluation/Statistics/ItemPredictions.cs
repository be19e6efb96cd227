namespace EmbedDashboard.Core.Evaluation.Statistics;

/// <summary>
/// What a classifier answered per scored item, so a result page can list the items two embedders disagree on and
/// build confusion matrices. Only the first seed's predictions are kept: later seeds train on other subsamples and
/// a per-item majority over seeds would be a label no single probe produced.
/// </summary>
/// <param name="Labels">The class names; <see cref="ItemPrediction.Gold"/> and <see cref="ItemPrediction.Predicted"/> index into it.</param>
public sealed record ItemPredictions(IReadOnlyList<string> Labels, IReadOnlyList<ItemPrediction> Items)
{
    /// <summary>Texts are cut to this many characters: the page shows a snippet and the gzip column stays small.</summary>
    public const int MaxTextLength = 240;

    public static string Snippet(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";
}

/// <param name="Index">Row of the item in <see cref="ItemOutcomes.Items"/> (its position in the scored split), so two runs of one item set line up.</param>
/// <param name="Predicted">The first seed's predicted class, −1 when that seed never tested the item.</param>
public sealed record ItemPrediction(int Index, string Text, int Gold, int Predicted);
