using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Runner.Tests;

public sealed class ItemDifferenceTests
{
    private static RunView Run(int id, string name, bool general, double value, TaskKind task) => new(
        id, 1, "toy", task, name, name, general, RunStatus.Done, 1, null, null,
        [new MetricView("m", value, null, true, [value])], null, null, null, null);

    private static ExperimentView View(TaskKind task, params RunView[] runs) =>
        new(1, "exp", DateTimeOffset.UnixEpoch, "{}", runs) { Verdicts = [new DatasetVerdict(1, "toy", "m", 1, runs[0].EmbedderName, [], "")] };

    private static ItemOutcomes Outcomes(ItemStatistic statistic, params double[][] rows) =>
        ItemOutcomes.Create("m", statistic, rows.Select((_, i) => ItemOutcomes.Key($"a{i}", $"b{i}")), rows.Select(r => (double[]?)r).ToList());

    [Fact]
    public void Build_SimilarityPairs_ListsThePairsEachRanksWhereTheGoldDoes()
    {
        // Four pairs with gold 1, 2, 3, 4 (percentile ranks 0, ⅓, ⅔, 1). Run 2 (first) orders them exactly like the gold;
        // run 1 (the baseline) swaps the first two: it misranks pairs 0 and 1 by ⅓ each and ranks 2 and 3 right.
        var first = Outcomes(ItemStatistic.Spearman, [0.1, 1], [0.2, 2], [0.3, 3], [0.4, 4]);
        var second = Outcomes(ItemStatistic.Spearman, [0.2, 1], [0.1, 2], [0.3, 3], [0.4, 4]);
        var view = View(TaskKind.Sts, Run(1, "general", true, 0.8, TaskKind.Sts), Run(2, "specific", false, 1, TaskKind.Sts));

        var contrast = Assert.Single(ItemContrastBuilder.Build(view, new Dictionary<int, ItemOutcomes> { [1] = second, [2] = first }));

        var d = contrast.Differences!;
        Assert.Equal(TaskKind.Sts, contrast.Task);
        Assert.Equal((2, 1), (contrast.FirstRunId, contrast.SecondRunId));
        Assert.Equal(4, d.Compared);
        Assert.Equal([0, 1], d.FirstBetter.Select(x => x.Index));
        Assert.Equal(2, d.FirstBetterTotal);
        Assert.Empty(d.SecondBetter);
        Assert.Equal(1 / 3.0, d.FirstBetter[0].Difference, 12);
        Assert.Equal("a0 · b0", d.FirstBetter[0].Text);
        Assert.Equal("0.100 (0 % | 0 %)", d.FirstBetter[0].FirstValue);
        Assert.Equal("0.200 (33 % | 0 %)", d.FirstBetter[0].SecondValue);
    }

    [Fact]
    public void Build_EntitySentences_ScoresEachSentenceByItsOwnF1()
    {
        // Rows are (correct, predicted, gold): the first run finds 1 of 2 entities (F1 2·1/(1+2) = ⅔) and correctly nothing in
        // an entity-free sentence (F1 1); the second finds both (1) but invents one in the empty sentence (0).
        var first = Outcomes(ItemStatistic.EntityF1, [1, 1, 2], [0, 0, 0]);
        var second = Outcomes(ItemStatistic.EntityF1, [2, 2, 2], [0, 1, 0]);
        var view = View(TaskKind.Ner, Run(1, "general", true, 0.5, TaskKind.Ner), Run(2, "specific", false, 0.6, TaskKind.Ner));

        var d = Assert.Single(ItemContrastBuilder.Build(view, new Dictionary<int, ItemOutcomes> { [1] = second, [2] = first })).Differences!;

        Assert.Equal([1], d.FirstBetter.Select(x => x.Index));
        Assert.Equal([0], d.SecondBetter.Select(x => x.Index));
        Assert.Equal(-1 / 3.0, d.SecondBetter[0].Difference, 12);
        Assert.Equal("0.67 (1/1/2)", d.SecondBetter[0].FirstValue);
    }

    [Fact]
    public void Build_OnlyGeneralRuns_ComparesTheNextBestWithTheBaseline()
    {
        var view = View(TaskKind.FaqRetrieval, Run(1, "best", true, 0.8, TaskKind.FaqRetrieval), Run(2, "third", true, 0.2, TaskKind.FaqRetrieval), Run(3, "second", true, 0.5, TaskKind.FaqRetrieval));
        var items = new Dictionary<int, ItemOutcomes> { [1] = Outcomes(ItemStatistic.Mean, [1], [0.5]), [2] = Outcomes(ItemStatistic.Mean, [0], [0]), [3] = Outcomes(ItemStatistic.Mean, [0.5], [1]) };

        var contrast = Assert.Single(ItemContrastBuilder.Build(view, items));

        Assert.Equal(("second", "best"), (contrast.TaskSpecificName, contrast.GeneralName));
        Assert.True(contrast.IsDefaultPair);
        Assert.Equal([1, 2, 3], contrast.Choices.Select(c => c.RunId));
        Assert.Equal([1], contrast.Differences!.FirstBetter.Select(x => x.Index));
        Assert.Equal([0], contrast.Differences.SecondBetter.Select(x => x.Index));
    }

    [Fact]
    public void Build_ChosenPair_ComparesThoseRunsAndAStalePickFallsBack()
    {
        var view = View(TaskKind.FaqRetrieval, Run(1, "best", true, 0.8, TaskKind.FaqRetrieval), Run(2, "third", true, 0.2, TaskKind.FaqRetrieval), Run(3, "second", true, 0.5, TaskKind.FaqRetrieval));
        var items = new Dictionary<int, ItemOutcomes> { [1] = Outcomes(ItemStatistic.Mean, [1], [0.5]), [2] = Outcomes(ItemStatistic.Mean, [0], [0]), [3] = Outcomes(ItemStatistic.Mean, [0.5], [1]) };

        var picked = Assert.Single(ItemContrastBuilder.Build(view, items, new Dictionary<int, (int, int)> { [1] = (2, 3) }));
        var stale = Assert.Single(ItemContrastBuilder.Build(view, items, new Dictionary<int, (int, int)> { [1] = (2, 99) }));

        Assert.Equal(("third", "second"), (picked.TaskSpecificName, picked.GeneralName));
        Assert.False(picked.IsDefaultPair);
        // "second" scores 0.5 and 1 where "third" scores 0 and 0: item 1 differs most, so it comes first.
        Assert.Equal([1, 0], picked.Differences!.SecondBetter.Select(x => x.Index));
        Assert.Equal(("second", "best"), (stale.TaskSpecificName, stale.GeneralName));
        Assert.True(stale.IsDefaultPair);
    }

    [Fact]
    public void Build_OutcomesWithoutDescriptions_SaysTheyPredateThem()
    {
        var view = View(TaskKind.Sts, Run(1, "general", true, 0.8, TaskKind.Sts), Run(2, "specific", false, 1, TaskKind.Sts));
        var old = Outcomes(ItemStatistic.Spearman, [0.1, 1], [0.2, 2]) with { Descriptions = null };

        var contrast = Assert.Single(ItemContrastBuilder.Build(view, new Dictionary<int, ItemOutcomes> { [1] = old, [2] = old }));

        Assert.Equal(ItemDifferences.PredatesDescriptions, contrast.Unavailable);
        Assert.Null(contrast.Differences);
    }

    [Fact]
    public void PercentRanks_Ties_ShareTheirMeanRank()
    {
        Assert.Equal([0, 0.5, 0.5, 1], ItemDifferences.PercentRanks([1, 2, 2, 3]));
    }
}
