using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Runner.Tests;

public sealed class ItemContrastTests
{
    private static readonly string[] Labels = ["a", "b", "c"];

    // Six items, gold a a b b c c; the task-specific run predicts a a b c c a, the general one a b b b a c.
    private static readonly int[] Gold = [0, 0, 1, 1, 2, 2];
    private static readonly int[] SpecificPredicted = [0, 0, 1, 2, 2, 0];
    private static readonly int[] GeneralPredicted = [0, 1, 1, 1, 0, 2];

    private static ItemOutcomes Outcomes(int[] gold, int[] predicted, bool withPredictions = true, string keyPrefix = "item")
    {
        var rows = gold.Select((g, i) => (double[]?)[predicted[i] == g ? 1 : 0]).ToList();
        var outcomes = ItemOutcomes.Create("accuracy", ItemStatistic.Mean, gold.Select((_, i) => $"{keyPrefix} {i}"), rows);
        if (!withPredictions) return outcomes;
        var items = gold.Select((g, i) => new ItemPrediction(i, $"text {i}", g, predicted[i])).ToList();
        return outcomes with { Predictions = new ItemPredictions(Labels, items) };
    }

    private static RunView Run(int id, string name, bool general, double value) => new(
        id, 1, "toy", TaskKind.Classification, name, name, general, RunStatus.Done, 1, null, null,
        [new MetricView("accuracy", value, null, true, [value])], null, null, null, null);

    // Run 1 is the general baseline; runs 2 and 3 are task-specific, 3 scoring higher so it is the one compared.
    private static ExperimentView View() =>
        new(1, "exp", DateTimeOffset.UnixEpoch, "{}", [Run(1, "general", true, 0.667), Run(2, "weak", false, 0.1), Run(3, "specific", false, 0.667)])
        {
            Verdicts = [new DatasetVerdict(1, "toy", "accuracy", 1, "general", [], "")],
        };

    [Fact]
    public void Build_KnownPredictions_ListsDisagreementsConfusionAndF1()
    {
        var items = new Dictionary<int, ItemOutcomes>
        {
            [1] = Outcomes(Gold, GeneralPredicted),
            [2] = Outcomes(Gold, GeneralPredicted),
            [3] = Outcomes(Gold, SpecificPredicted),
        };

        var contrast = Assert.Single(ItemContrastBuilder.Build(View(), items));

        Assert.Null(contrast.Unavailable);
        Assert.Equal("specific", contrast.TaskSpecificName);
        // Specific right on 0,1,2,4 and general right on 0,2,3,5: only specific is right on 1 and 4, only general on 3 and 5.
        Assert.Equal([1, 4], contrast.SpecificOnlyRight.Select(i => i.Index));
        Assert.Equal([3, 5], contrast.GeneralOnlyRight.Select(i => i.Index));
        Assert.Equal(new ContrastItem(1, "text 1", "a", "a", "b"), contrast.SpecificOnlyRight[0]);
        Assert.Equal(new ContrastItem(5, "text 5", "c", "a", "c"), contrast.GeneralOnlyRight[1]);
        Assert.Equal(2, contrast.SpecificOnlyRightTotal);

        // Counts[gold][predicted], tallied by hand from the three arrays above.
        Assert.Equal([[2, 0, 0], [0, 1, 1], [1, 0, 1]], contrast.TaskSpecific!.Counts);
        Assert.Equal([[1, 1, 0], [0, 2, 0], [1, 0, 1]], contrast.General!.Counts);
        // F1 = 2·TP / (gold + predicted): specific a 2·2/(2+3), b 2·1/(2+1), c 2·1/(2+2); general a 2·1/(2+2), b 2·2/(2+3), c 2·1/(2+1).
        Assert.Equal([0.8, 2.0 / 3, 0.5], contrast.TaskSpecific.F1, new ToleranceComparer());
        Assert.Equal([0.5, 0.8, 2.0 / 3], contrast.General.F1, new ToleranceComparer());
    }

    [Fact]
    public void Build_MoreDisagreementsThanTheCap_ListsFiftyAndCountsAll()
    {
        // 60 items of gold a: the specific run always says a, the general one always b.
        var gold = new int[60];
        var items = new Dictionary<int, ItemOutcomes>
        {
            [1] = Outcomes(gold, Enumerable.Repeat(1, 60).ToArray()),
            [3] = Outcomes(gold, new int[60]),
        };

        var contrast = Assert.Single(ItemContrastBuilder.Build(View(), items));

        Assert.Equal(ItemContrastBuilder.MaxItems, contrast.SpecificOnlyRight.Count);
        Assert.Equal(60, contrast.SpecificOnlyRightTotal);
        Assert.Empty(contrast.GeneralOnlyRight);
        // Class c is neither gold nor predicted: its F1 is undefined, not 0.
        Assert.True(double.IsNaN(contrast.TaskSpecific!.F1[2]));
    }

    [Fact]
    public void Build_RunWithoutPredictions_SaysItPredatesThem()
    {
        var items = new Dictionary<int, ItemOutcomes> { [1] = Outcomes(Gold, GeneralPredicted, withPredictions: false), [3] = Outcomes(Gold, SpecificPredicted) };

        var contrast = Assert.Single(ItemContrastBuilder.Build(View(), items));

        Assert.Equal(ItemContrastBuilder.PredatesPredictions, contrast.Unavailable);
        Assert.Empty(contrast.SpecificOnlyRight);
        Assert.Null(contrast.TaskSpecific);
    }

    [Fact]
    public void Build_DifferentItemSets_RefusesToLineThemUp()
    {
        var items = new Dictionary<int, ItemOutcomes> { [1] = Outcomes(Gold, GeneralPredicted, keyPrefix: "other"), [3] = Outcomes(Gold, SpecificPredicted) };

        var contrast = Assert.Single(ItemContrastBuilder.Build(View(), items));

        Assert.Contains("different items", contrast.Unavailable);
    }

    [Fact]
    public void Build_NoTaskSpecificRun_NoContrast()
    {
        var view = View() with { Runs = [Run(1, "general", true, 0.667)] };

        Assert.Empty(ItemContrastBuilder.Build(view, new Dictionary<int, ItemOutcomes>()));
    }

    [Fact]
    public void StoredOutcomes_WrittenWithoutPredictions_ReadBackAsNull()
    {
        // What an old run's column holds: the record as it was serialized before Predictions existed.
        var old = Data.Stores.GzipJson.Serialize(new { metric = "accuracy", statistic = 0, itemSetHash = "h", items = new[] { new[] { 1.0 } } });

        var read = Data.Stores.GzipJson.Deserialize<ItemOutcomes>(old);

        Assert.Null(read.Predictions);
        Assert.Single(read.Items);
    }

    [Fact]
    public void StoredOutcomes_WithPredictions_RoundTrip()
    {
        var written = Outcomes(Gold, SpecificPredicted);

        var read = Data.Stores.GzipJson.Deserialize<ItemOutcomes>(Data.Stores.GzipJson.Serialize(written));

        Assert.Equal(Labels, read.Predictions!.Labels);
        Assert.Equal(written.Predictions!.Items, read.Predictions.Items);
    }

    [Fact]
    public async Task GetItemContrastsAsync_RunsStoredThroughTheLedger_ListsTheSameDisagreements()
    {
        await using var host = await RunnerHost.StartAsync();
        host.Task.ItemsFor = id => id == "specific" ? Outcomes(Gold, SpecificPredicted) : Outcomes(Gold, GeneralPredicted);
        host.Task.Release();
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general", "specific");
        foreach (var run in experiment.Runs)
        {
            Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));
        }

        var contrast = Assert.Single(await host.Get<ExperimentQueries>().GetItemContrastsAsync(experiment.Id));

        // Same hand-worked items as the builder test: the gzip column and the verdict's baseline carry them unchanged.
        Assert.Null(contrast.Unavailable);
        Assert.Equal([1, 4], contrast.SpecificOnlyRight.Select(i => i.Index));
        Assert.Equal([3, 5], contrast.GeneralOnlyRight.Select(i => i.Index));
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
