using System.Globalization;
using EmbedDashboard.Core.Evaluation.Statistics;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// Accuracy of the two compared embedders on slices of the same items: by text length (quartiles of word count) and by
/// the share of words the probe's training texts never contain (fixed bands). Where the aggregate gap comes from is
/// then readable: a gap concentrated in long texts or in texts full of unseen words says something about the embedder.
/// </summary>
/// <remarks>
/// Δ's interval is the Wald interval of a paired difference of proportions (only the items one gets right and the other
/// wrong move it): Δ = (b − c)/n, Var = (b + c − (b − c)²/n)/n². It is rough for small n, so bins under
/// <see cref="ScoreSlice.FewItems"/> items are flagged.
/// </remarks>
public static class ScoreSlices
{
    public const string PredatesTextStats = "These runs predate per-item word counts; re-run to slice by length and unseen words.";

    // Upper bounds of the unseen-word bands (inclusive); the last one catches everything above 10 %.
    private static readonly (double Upper, string Label)[] UnseenBands =
        [(0, "no unseen word"), (0.02, "≤ 2 % unseen"), (0.05, "2–5 % unseen"), (0.10, "5–10 % unseen"), (1, "> 10 % unseen")];

    internal static IReadOnlyList<SliceTable> Build(IReadOnlyList<(ItemPrediction Mine, ItemPrediction Theirs)> both)
    {
        if (both.Count == 0) return [];
        if (both.Any(x => x.Mine.Words is null || x.Mine.Unseen is null))
        {
            return [new SliceTable("By text length", PredatesTextStats, []), new SliceTable("By unseen words", PredatesTextStats, [])];
        }

        return [ByLength(both), ByUnseen(both)];
    }

    private static SliceTable ByLength(IReadOnlyList<(ItemPrediction Mine, ItemPrediction Theirs)> both)
    {
        var words = both.Select(x => x.Mine.Words!.Value).Order().ToArray();
        // Quartile edges; repeated edges (many texts of one length) merge their bins.
        var uppers = new[] { 0.25, 0.5, 0.75 }.Select(q => words[(int)Math.Ceiling(q * words.Length) - 1]).Append(words[^1]).Distinct().ToArray();
        var slices = new List<ScoreSlice>();
        var lower = words[0];
        foreach (var upper in uppers)
        {
            var inBin = both.Where(x => x.Mine.Words >= lower && x.Mine.Words <= upper).ToList();
            var label = lower == upper ? $"{lower:N0} words" : $"{lower:N0}–{upper:N0} words";
            if (inBin.Count > 0) slices.Add(Slice(label, inBin));
            lower = upper + 1;
        }

        return new SliceTable("By text length", null, slices.Append(Slice("all", both)).ToList());
    }

    private static SliceTable ByUnseen(IReadOnlyList<(ItemPrediction Mine, ItemPrediction Theirs)> both)
    {
        var rated = both.Where(x => x.Mine.UnseenRate is not null).ToList();
        var slices = new List<ScoreSlice>();
        var lower = double.NegativeInfinity;
        foreach (var (upper, label) in UnseenBands)
        {
            var inBin = rated.Where(x => x.Mine.UnseenRate > lower && x.Mine.UnseenRate <= upper).ToList();
            if (inBin.Count > 0) slices.Add(Slice(label, inBin));
            lower = upper;
        }

        var note = rated.Count < both.Count ? $"{both.Count - rated.Count:N0} item(s) without any word are left out." : null;
        return new SliceTable("By unseen words", null, slices.Append(Slice("all", rated)).ToList(), note);
    }

    internal static ScoreSlice Slice(string label, IReadOnlyList<(ItemPrediction Mine, ItemPrediction Theirs)> items)
    {
        var n = items.Count;
        var mineRight = items.Count(x => x.Mine.Predicted == x.Mine.Gold);
        var theirsRight = items.Count(x => x.Theirs.Predicted == x.Theirs.Gold);
        var b = items.Count(x => x.Mine.Predicted == x.Mine.Gold && x.Theirs.Predicted != x.Theirs.Gold);
        var c = items.Count(x => x.Mine.Predicted != x.Mine.Gold && x.Theirs.Predicted == x.Theirs.Gold);
        var delta = n == 0 ? 0 : (b - c) / (double)n;
        var variance = n == 0 ? 0 : Math.Max(0, b + c - (b - c) * (double)(b - c) / n) / ((double)n * n);
        var half = 1.959963984540054 * Math.Sqrt(variance);
        return new ScoreSlice(label, n, n == 0 ? double.NaN : mineRight / (double)n, n == 0 ? double.NaN : theirsRight / (double)n, delta, delta - half, delta + half, b, c);
    }
}

/// <summary>One way of slicing the items; <see cref="Unavailable"/> says why there are no slices.</summary>
public sealed record SliceTable(string Title, string? Unavailable, IReadOnlyList<ScoreSlice> Slices, string? Note = null);

/// <summary>
/// One slice: how many items, each embedder's accuracy on them (first seed), the difference task-specific − general
/// with its 95 % interval, and the items only one gets right (<see cref="SpecificOnly"/>, <see cref="GeneralOnly"/>).
/// </summary>
public sealed record ScoreSlice(string Label, int Items, double TaskSpecificAccuracy, double GeneralAccuracy, double Difference, double Low, double High, int SpecificOnly, int GeneralOnly)
{
    public const int FewItems = 30;

    public bool IsFew => Items < FewItems;

    public string DifferenceText => string.Create(CultureInfo.InvariantCulture, $"{100 * Difference:+0.0;−0.0;0.0} [{100 * Low:+0.0;−0.0;0.0}, {100 * High:+0.0;−0.0;0.0}]");
}
