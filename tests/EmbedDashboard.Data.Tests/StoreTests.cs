using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Jobs;
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
