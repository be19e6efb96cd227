using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// Builds the item-by-item view of each classification dataset from the runs' stored predictions. The pair compared is
/// the one the verdict headline speaks of: the verdict's baseline (best general) and the best-scoring task-specific run.
/// </summary>
internal static class ItemContrastBuilder
{
    /// <summary>Each list is capped: a page of thousands of texts helps nobody read the difference.</summary>
    public const int MaxItems = 50;

    public const string PredatesPredictions = "This run predates per-item predictions; re-run to see them.";

    public static IReadOnlyList<ItemContrastView> Build(ExperimentView view, IReadOnlyDictionary<int, ItemOutcomes> items)
    {
        var result = new List<ItemContrastView>();
        var runs = view.Runs.ToDictionary(r => r.Id);
        foreach (var verdict in view.Verdicts)
        {
            if (verdict.BaselineRunId is not { } baselineId || !runs.TryGetValue(baselineId, out var general)) continue;
            if (general.Task != TaskKind.Classification) continue;
            var specific = view.Runs.Where(r => r.DatasetId == verdict.DatasetId && !r.IsGeneral && r.Status == RunStatus.Done && r.Primary is not null)
                .OrderByDescending(r => r.Score?.Value ?? r.Primary!.Value).ThenBy(r => r.Id).FirstOrDefault();
            if (specific is null) continue;
            result.Add(Contrast(verdict, specific, general, items.GetValueOrDefault(specific.Id), items.GetValueOrDefault(general.Id)));
        }

        return result;
    }

    private static ItemContrastView Contrast(DatasetVerdict verdict, RunView specific, RunView general, ItemOutcomes? a, ItemOutcomes? b)
    {
        ItemContrastView Unavailable(string why) => new(verdict.DatasetId, verdict.DatasetName, specific.EmbedderName, general.EmbedderName, why,
            [], [], 0, [], 0, null, null);

        if (a?.Predictions is not { } pa || b?.Predictions is not { } pb) return Unavailable(PredatesPredictions);
        // Same hash = same items in the same order, so row i is the same text in both runs.
        if (a.ItemSetHash != b.ItemSetHash || !pa.Labels.SequenceEqual(pb.Labels, StringComparer.Ordinal))
        {
            return Unavailable("The two runs scored different items (dataset, split or sample options differ), so they cannot be lined up item by item.");
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
