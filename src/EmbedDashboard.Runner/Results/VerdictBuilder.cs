using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// Turns stored per-item outcomes into comparable numbers: per dataset, the runs that scored the identical item set
/// (same item-set hash: same dataset content, split and sample) are scored on the items all of them cover, each gets a
/// bootstrap CI, and each is compared with the best general one by a paired bootstrap; Holm's correction then runs
/// across every comparison of the experiment. Every number is recomputed from the stored rows with a fixed seed, so a
/// page shows the same verdict each time.
/// </summary>
internal static class VerdictBuilder
{
    public static (IReadOnlyList<RunView> Runs, IReadOnlyList<DatasetVerdict> Verdicts) Apply(
        IReadOnlyList<RunView> runs, IReadOnlyDictionary<int, ItemOutcomes> items, BootstrapOptions options)
    {
        var updated = runs.ToDictionary(r => r.Id);
        var perDataset = new List<(int DatasetId, string Name, string? Metric, RunView? Baseline, List<Comparison> Comparisons)>();
        foreach (var dataset in runs.GroupBy(r => r.DatasetId))
        {
            var done = dataset.Where(r => r.Status == RunStatus.Done && r.Primary is not null).ToList();
            var scored = Score(done, items, options);
            foreach (var (run, score) in scored) updated[run.Id] = WithScore(updated[run.Id], score);

            var cohort = scored.Where(s => s.Score.Comparable).ToDictionary(s => s.Run.Id, s => s.Score);
            var baseline = done.Where(r => r.IsGeneral && cohort.TryGetValue(r.Id, out var s) && !double.IsNaN(s.Value))
                .OrderByDescending(r => cohort[r.Id].Value).ThenBy(r => r.Id).FirstOrDefault();
            var metric = done.FirstOrDefault()?.Primary?.Name;
            var comparisons = new List<Comparison>();
            foreach (var run in done.Where(r => r.Id != baseline?.Id))
            {
                comparisons.Add(Compare(run, baseline, done, cohort, items, options));
            }

            perDataset.Add((dataset.Key, dataset.First().DatasetName, metric, baseline, comparisons));
        }

        // Holm across the whole page: every comparison that was tested, over all datasets.
        var all = perDataset.SelectMany(d => d.Comparisons).ToList();
        var adjusted = Holm.Adjust(all.Select(c => c.P ?? double.NaN).ToList());
        var alpha = 1 - options.Level;
        var tested = adjusted.Count(p => !double.IsNaN(p));
        var final = all.Select((c, i) => double.IsNaN(adjusted[i]) ? c : c with { PHolm = adjusted[i], Significant = adjusted[i] < alpha }).ToList();
        var byRun = new Dictionary<int, Comparison>();
        var verdicts = new List<DatasetVerdict>();
        var next = 0;
        foreach (var d in perDataset)
        {
            var comparisons = final.Skip(next).Take(d.Comparisons.Count)
                .Select(c => c with { Sentence = VerdictText.Sentence(c, d.Name, options.Level, tested, updated[c.RunId], d.Baseline is null ? null : updated[d.Baseline.Id]) }).ToList();
            next += d.Comparisons.Count;
            foreach (var c in comparisons) byRun[c.RunId] = c;
            verdicts.Add(new DatasetVerdict(d.DatasetId, d.Name, d.Metric, d.Baseline?.Id, d.Baseline?.EmbedderName, comparisons,
                VerdictText.Headline(d.Name, d.Baseline is null ? null : updated[d.Baseline.Id], comparisons, updated)));
        }

        var result = runs.Select(r =>
        {
            var view = updated[r.Id];
            if (!byRun.TryGetValue(r.Id, out var c)) return view;
            view = view with { VsBestGeneral = c };
            if (c.Delta is { } delta) return view.IsGeneral ? view : view with { DeltaVsBestGeneral = delta };
            // Stored values of different item sets are not a difference anyone should read.
            return view.Score is not null ? view with { DeltaVsBestGeneral = null } : view;
        }).ToList();
        return (result, verdicts);
    }

    /// <summary>
    /// Runs of the most common item set form the cohort and are scored on their common covered items; a run with
    /// another item set is scored on its own and marked not comparable; a run without stored rows gets no score.
    /// </summary>
    private static List<(RunView Run, RunScore Score)> Score(List<RunView> done, IReadOnlyDictionary<int, ItemOutcomes> items, BootstrapOptions options)
    {
        var withItems = done.Where(r => items.TryGetValue(r.Id, out var o) && o.Metric == r.Primary!.Name).ToList();
        var result = new List<(RunView, RunScore)>();
        if (withItems.Count == 0) return result;
        var cohortKey = withItems.GroupBy(r => (items[r.Id].ItemSetHash, items[r.Id].Statistic))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(r => r.Id)).First().Key;
        var cohort = withItems.Where(r => (items[r.Id].ItemSetHash, items[r.Id].Statistic) == cohortKey).ToList();
        var total = items[cohort[0].Id].Items.Count;
        var common = Enumerable.Range(0, total).Where(i => cohort.All(r => items[r.Id].Items[i] is not null)).ToArray();
        foreach (var run in withItems)
        {
            var outcome = items[run.Id];
            var covered = Covered(outcome);
            var full = ItemMetric.Compute(outcome.Statistic, covered);
            var comparable = cohort.Contains(run);
            var rows = comparable ? common.Select(i => outcome.Items[i]!).ToList() : covered;
            var ci = Bootstrap.Interval(outcome.Statistic, rows, options);
            string? note = null;
            if (!comparable)
            {
                note = "Scored a different item set from the other runs on this dataset (the dataset changed, or other split/sample options), so it is not compared with them.";
            }
            else if (rows.Count < covered.Count)
            {
                note = $"Scored on the {rows.Count:N0} of {total:N0} items that every embedder here covers; over its own {covered.Count:N0} covered items it scores {full:0.000}.";
            }

            result.Add((run, new RunScore(outcome.Metric, ci.Estimate, ci.Low, ci.High, options.Level, rows.Count, full, covered.Count, outcome.Items.Count, comparable, note)));
        }

        return result;
    }

    private static List<double[]> Covered(ItemOutcomes outcome) => outcome.Items.Where(r => r is not null).Select(r => r!).ToList();

    /// <summary>
    /// The score goes beside the run; when it is over a common subset, the primary metric shown becomes that score and
    /// the full-coverage score and the OOV rate are added as their own metrics, so no page ranks different subsets.
    /// </summary>
    private static RunView WithScore(RunView run, RunScore score)
    {
        run = run with { Score = score };
        if (!score.OnCommonSubset && score.CoveredItems == score.TotalItems) return run;
        var metrics = run.Metrics.Select(m => m.IsPrimary && score.OnCommonSubset
            ? m with { Value = score.Value, Std = null, Values = [] }
            : m).ToList();
        if (score.OnCommonSubset) metrics.Add(new MetricView($"{score.Metric}_full_coverage", score.FullCoverageValue, null, false, []));
        metrics.Add(new MetricView("oov_rate", score.OovRate, null, false, []));
        return run with { Metrics = metrics };
    }

    private static Comparison Compare(RunView run, RunView? baseline, List<RunView> done, Dictionary<int, RunScore> cohort,
        IReadOnlyDictionary<int, ItemOutcomes> items, BootstrapOptions options)
    {
        var metric = run.Primary!.Name;
        Comparison NoTest(string reason) => new(run.DatasetId, run.Id, run.EmbedderName, run.IsGeneral, baseline?.Id, baseline?.EmbedderName, metric,
            null, null, null, null, null, false, 0, reason);

        if (baseline is null)
        {
            return NoTest(done.Any(r => r.IsGeneral)
                ? "no general embedder on this dataset has per-item outcomes on the same items to compare with"
                : "no general embedder was scored on this dataset");
        }

        if (!items.ContainsKey(run.Id)) return NoTest("this run stored no per-item outcomes (it predates them, or its task has none)");
        if (!cohort.ContainsKey(run.Id)) return NoTest("it scored a different item set from the baseline (dataset content, split or sample options differ)");
        var a = items[run.Id];
        var b = items[baseline.Id];
        var common = Enumerable.Range(0, a.Items.Count).Where(i => done.Where(r => cohort.ContainsKey(r.Id)).All(r => items[r.Id].Items[i] is not null)).ToArray();
        if (common.Length < 2) return NoTest($"only {common.Length} item(s) are covered by every embedder");
        var test = PairedBootstrap.Compare(a.Statistic, common.Select(i => a.Items[i]!).ToList(), common.Select(i => b.Items[i]!).ToList(), options);
        if (double.IsNaN(test.P)) return NoTest("the metric is undefined on the common items (e.g. a constant score)");
        return new Comparison(run.DatasetId, run.Id, run.EmbedderName, run.IsGeneral, baseline.Id, baseline.EmbedderName, metric,
            test.Delta, test.Low, test.High, test.P, test.P, test.P < 1 - options.Level, test.Items, null);
    }
}
