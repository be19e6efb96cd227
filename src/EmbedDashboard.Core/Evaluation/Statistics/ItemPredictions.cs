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
/// <param name="Words">Words in the whole text (<see cref="EmbedDashboard.Core.Text.WordTokenizer"/>), for slicing scores by length; null in runs stored before it.</param>
/// <param name="Unseen">
/// How many of those words occur in none of the texts the first seed's probe was trained beside (the item's training
/// portion): what a model trained on that split has never seen, the out-of-vocabulary share of a task-specific
/// embedding layer. The same for every embedder, so two runs are sliced on the same items; null in older runs.
/// </param>
public sealed record ItemPrediction(int Index, string Text, int Gold, int Predicted, int? Words = null, int? Unseen = null)
{
    /// <summary>Unseen words as a share of the item's words; null when unknown or the text has no word.</summary>
    public double? UnseenRate => Words is > 0 && Unseen is { } unseen ? unseen / (double)Words.Value : null;
}
