using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Data.Tests;

public sealed class StoreTests
{
    private static DatasetMetadata Meta(string name = "toy") =>
        new(name, TaskKind.Classification, "csv", "abc123", "test", "CC0", IsBuiltIn: false, SkippedLines: 2, Notes: "2 duplicates dropped");

    [Fact]
    public async Task SaveAsync_RoundTrip_ItemsAndMetadataSurviveReopen()
    {
        await using var first = await TempDatabase.CreateAsync();
        var items = new List<LabeledText> { new("good film", "positive", Split.Train), new("bad film", "negative", Split.Test) };
        var saved = await first.Get<DatasetStore>().SaveAsync(Meta(), items);

        await using var reopened = await first.ReopenAsync();
        var store = reopened.Get<DatasetStore>();
        var listed = Assert.Single(await store.ListAsync());
        Assert.Equal(saved.Id, listed.Id);
        Assert.Equal(2, listed.ItemCount);
        Assert.Equal(2, listed.SkippedLines);
        Assert.Equal(items, await store.LoadItemsAsync<LabeledText>(saved.Id));
        Assert.True(File.Exists(first.FilePath));
    }

    [Fact]
    public async Task SaveAsync_EmptyItems_ThrowsAndSavesNothing()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = db.Get<DatasetStore>();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Meta("empty"), Array.Empty<LabeledText>()));

        Assert.Contains("no items", ex.Message);
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task CompleteAsync_ClaimedRun_StoresMetricsAndIsDone()
    {
        await using var db = await TempDatabase.CreateAsync();
        var dataset = await db.Get<DatasetStore>().SaveAsync(Meta(), new List<LabeledText> { new("a", "x") });
        var experiment = await db.Get<ExperimentStore>().CreateAsync("exp", "{}", [new RunPlan(dataset.Id, "glove")]);
        var runs = db.Get<RunStore>();
        var runId = experiment.Runs[0].Id;

        Assert.True(await runs.TryStartAsync(runId));
        Assert.False(await runs.TryStartAsync(runId)); // a run is claimed by one worker only
        Assert.True(await runs.CompleteAsync(runId, [new MetricValue("accuracy", 0.8, 0.01, true, [0.79, 0.81])], "{}", "{}"));

        var stored = await db.Get<ExperimentStore>().GetAsync(experiment.Id);
        var run = Assert.Single(stored!.Runs);
        Assert.Equal(RunStatus.Done, run.Status);
        var metric = Assert.Single(run.Metrics);
        Assert.Equal(0.8, metric.Value);
        Assert.Equal("[0.79,0.81]", metric.ValuesJson);
    }

    [Fact]
    public async Task InitializeAsync_RunningAtStop_MarkedInterruptedAndReturned()
    {
        await using var first = await TempDatabase.CreateAsync();
        var dataset = await first.Get<DatasetStore>().SaveAsync(Meta(), new List<LabeledText> { new("a", "x") });
        var experiment = await first.Get<ExperimentStore>().CreateAsync("exp", "{}", [new RunPlan(dataset.Id, "glove"), new RunPlan(dataset.Id, "minilm")]);
        await first.Get<RunStore>().TryStartAsync(experiment.Runs[0].Id);

        // A restart: the running run must not be lost nor left "Running" forever.
        var pending = await DatabaseInitializer.InitializeAsync(first.Services);

        Assert.Equal(experiment.Runs.Select(r => r.Id).Order(), pending.Order());
        var run = await first.Get<RunStore>().GetAsync(experiment.Runs[0].Id);
        Assert.Equal(RunStatus.Interrupted, run!.Status);
        Assert.True(await first.Get<RunStore>().TryStartAsync(run.Id));
    }

    [Fact]
    public async Task CompleteAsync_CancelledMeanwhile_CancelWins()
    {
        await using var db = await TempDatabase.CreateAsync();
        var dataset = await db.Get<DatasetStore>().SaveAsync(Meta(), new List<LabeledText> { new("a", "x") });
        var experiment = await db.Get<ExperimentStore>().CreateAsync("exp", "{}", [new RunPlan(dataset.Id, "glove")]);
        var runs = db.Get<RunStore>();
        var runId = experiment.Runs[0].Id;
        await runs.TryStartAsync(runId);

        Assert.True(await runs.CancelAsync(runId));
        Assert.False(await runs.CompleteAsync(runId, [new MetricValue("accuracy", 0.5)], "{}", "{}"));
        Assert.Equal(RunStatus.Cancelled, (await runs.GetAsync(runId))!.Status);
    }

    [Fact]
    public async Task DeleteAsync_DatasetUsedByRun_Refused()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = db.Get<DatasetStore>();
        var dataset = await store.SaveAsync(Meta(), new List<LabeledText> { new("a", "x") });
        await db.Get<ExperimentStore>().CreateAsync("exp", "{}", [new RunPlan(dataset.Id, "glove")]);

        Assert.False(await store.DeleteAsync(dataset.Id));
        Assert.NotNull(await store.FindAsync(dataset.Id));
    }
}
