using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// Builds the item-by-item view of each dataset from the runs' stored per-item outcomes. By default the pair compared
/// is the one the verdict headline speaks of: the best-scoring task-specific run (or, without one, the best other
/// run) against the verdict's baseline (best general); the reader may pick any two done runs of the dataset instead.
/// Classification compares class predictions (lists, confusion matrices, slices); the other tasks compare each item's
/// own score (<see cref="ItemDifferences"/>).
/// </summary>
internal static class ItemContrastBuilder
{
    /// <summary>Each list is capped: a page of thousands of texts helps nobody read the difference.</summary>
    public const int MaxItems = 50;

    public const string PredatesPredictions = "This run predates per-item predictions; re-run to see them.";

    /// <param name="chosen">Per dataset id, the pair the reader picked (first, second run id); others get the default pair.</param>
    public static IReadOnlyList<ItemContrastView> Build(ExperimentView view, IReadOnlyDictionary<int, ItemOutcomes> items, IReadOnlyDictionary<int, (int First, int Second)>? chosen = null)
    {
        var result = new List<ItemContrastView>();
        var runs = view.Runs.ToDictionary(r => r.Id);
        foreach (var verdict in view.Verdicts)
        {
            var done = view.Runs.Where(r => r.DatasetId == verdict.DatasetId && r.Status == RunStatus.Done && r.Primary is not null).ToList();
            if (done.Count < 2) continue;
            var picked = Picked(done, chosen?.GetValueOrDefault(verdict.DatasetId));
            var pair = picked ?? DefaultPair(done, verdict, runs);
            if (pair is not var (first, second)) continue;

            var choices = done.Select(r => new RunChoice(r.Id, r.EmbedderName, r.IsGeneral)).ToList();
            var contrast = first.Task == TaskKind.Classification
                ? Contrast(verdict, first, second, items.GetValueOrDefault(first.Id), items.GetValueOrDefault(second.Id))
                : Differences(verdict, first, second, items.GetValueOrDefault(first.Id), items.GetValueOrDefault(second.Id));
            result.Add(contrast with { Task = first.Task, FirstRunId = first.Id, SecondRunId = second.Id, Choices = choices, IsDefaultPair = picked is null });
        }

        return result;
    }

    // A pick stands only while it names two different done runs of the dataset (a stale one falls back to the default).
    private static (RunView First, RunView Second)? Picked(IReadOnlyList<RunView> done, (int First, int Second)? pick) =>
        pick is var (a, b) && a != b && done.FirstOrDefault(r => r.Id == a) is { } first && done.FirstOrDefault(r => r.Id == b) is { } second
            ? (first, second)
            : null;

    // The verdict's pair: the best task-specific run (else the best other one) against the baseline.
    private static (RunView First, RunView Second)? DefaultPair(IReadOnlyList<RunView> done, DatasetVerdict verdict, IReadOnlyDictionary<int, RunView> runs)
    {
        if (verdict.BaselineRunId is not { } baselineId || !runs.TryGetValue(baselineId, out var baseline)) return null;
        var others = done.Where(r => r.Id != baseline.Id).OrderByDescending(r => r.Score?.Value ?? r.Primary!.Value).ThenBy(r => r.Id).ToList();
        return (others.FirstOrDefault(r => !r.IsGeneral) ?? others.FirstOrDefault()) is { } first ? (first, baseline) : null;
    }

    // The pair's names with empty lists; `why` says why there is nothing more (null when another part fills it in).
    private static ItemContrastView Unavailable(DatasetVerdict verdict, RunView first, RunView second, string? why) =>
        new(verdict.DatasetId, verdict.DatasetName, first.EmbedderName, second.EmbedderName, why, [], [], 0, [], 0, null, null);

    private const string DifferentItems = "The two runs scored different items (dataset, split or sample options differ), so they cannot be lined up item by item.";

    private static ItemContrastView Differences(DatasetVerdict verdict, RunView first, RunView second, ItemOutcomes? a, ItemOutcomes? b)
    {
        if (a is null || b is null) return Unavailable(verdict, first, second, "A run of this pair has no per-item outcomes.");
        if (a.ItemSetHash != b.ItemSetHash || a.Items.Count != b.Items.Count) return Unavailable(verdict, first, second, DifferentItems);
        if (a.Descriptions is null && b.Descriptions is null) return Unavailable(verdict, first, second, ItemDifferences.PredatesDescriptions);
        return Unavailable(verdict, first, second, null) with { Differences = ItemDifferences.Build(a, b, MaxItems) };
    }

    private static ItemContrastView Contrast(DatasetVerdict verdict, RunView specific, RunView general, ItemOutcomes? a, ItemOutcomes? b)
    {
        if (a?.Predictions is not { } pa || b?.Predictions is not { } pb) return Unavailable(verdict, specific, general, PredatesPredictions);
        // Same hash = same items in the same order, so row i is the same text in both runs.
        if (a.ItemSetHash != b.ItemSetHash || !pa.Labels.SequenceEqual(pb.Labels, StringComparer.Ordinal))
        {
            return Unavailable(verdict, specific, general, DifferentItems);
        }

        var labels = pa.Labels;
        var theirs = pb.Items.Where(p => p.Predicted >= 0).ToDictionary(p => p.Index);
        var both = pa.Items.Where(p => p.Predicted >= 0 && theirs.ContainsKey(p.Index)).Select(p => (Mine: p, Theirs: theirs[p.Index])).ToList();
        ContrastItem Item((ItemPrediction Mine, ItemPrediction Theirs) x) =>
            new(x.Mine.Index, x.Mine.Text, labels[x.Mine.Gold], labels[x.Mine.Predicted], labels[x.Theirs.Predicted]);
        var specificOnly = both.Where(x => x.Mine.Predicted == x.Mine.Gold && x.Theirs.Predicted != x.Theirs.Gold).ToList();
        var generalOnly = both.Where(x => x.Mine.Predicted != x.Mine.Gold && x.Theirs.Predicted == x.Theirs.Gold).ToList();
        return new ItemContrastView(verdict.DatasetId, verdict.DatasetName, specific.EmbedderName, general.EmbedderName, null, labels,
            specificOnly.Take(MaxItems).Select(Item).ToList(), specificOnly.Count,
            generalOnly.Take(MaxItems).Select(Item).ToList(), generalOnly.Count,
            Confusion(specific.EmbedderName, labels.Count, both.Select(x => x.Mine)),
            Confusion(general.EmbedderName, labels.Count, both.Select(x => x.Theirs)))
        {
            Slices = ScoreSlices.Build(both),
        };
    }

    // Over the items both runs predicted, so the two matrices count the same items.
    internal static EmbedderConfusion Confusion(string name, int classes, IEnumerable<ItemPrediction> predictions)
    {
        var counts = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        foreach (var p in predictions) counts[p.Gold][p.Predicted]++;
        var f1 = Enumerable.Range(0, classes).Select(c =>
        {
            var gold = counts[c].Sum();
            var predicted = counts.Sum(row => row[c]);
            return gold + predicted == 0 ? double.NaN : 2.0 * counts[c][c] / (gold + predicted);
        }).ToList();
        return new EmbedderConfusion(name, counts, f1);
    }
}
