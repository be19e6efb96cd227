using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.BuiltIn;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Datasets;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbedDashboard.Runner.Tests;

/// <summary>A store seeded before the Python FAQ had a split gets the split copy, and the unsplit one goes unless runs use it.</summary>
public sealed class BuiltInReseedTests
{
    private const string Name = "Python FAQ retrieval (built-in)";

    private static async Task<int> SeedOldCopyAsync(DatasetStore store) =>
        (await store.SaveAsync(new DatasetMetadata(Name, TaskKind.FaqRetrieval, "built-in", "hash-before-the-split", "python3.11-doc", null, IsBuiltIn: true),
            new[] { new FaqPair("What is Python?", "A language.", "general.rst.txt") })).Id;

    [Fact]
    public async Task SeedAsync_UnsplitPythonFaqUnused_ReplacedBySplitCopy()
    {
        if (!Directory.Exists(PythonFaqConverter.DefaultFolder)) return; // python3.11-doc absent: nothing to seed from

        await using var host = await RunnerHost.StartAsync();
        var store = host.Get<DatasetStore>();
        var old = await SeedOldCopyAsync(store);

        await new BuiltInDatasetSeeder(store, new BuiltInDatasetStatus(), NullLogger<BuiltInDatasetSeeder>.Instance).SeedAsync(host.Folder, CancellationToken.None);

        var faq = Assert.Single(await store.ListAsync(), d => d.Name == Name);
        Assert.NotEqual(old, faq.Id);
        var pairs = await store.LoadItemsAsync<FaqPair>(faq.Id);
        Assert.Contains(pairs, p => p.Split == Split.Train);
        Assert.Contains(pairs, p => p.Split == Split.Test);
    }

    [Fact]
    public async Task SeedAsync_UnsplitPythonFaqUsedByRun_KeptBesideTheSplitCopy()
    {
        if (!Directory.Exists(PythonFaqConverter.DefaultFolder)) return;

        await using var host = await RunnerHost.StartAsync();
        var store = host.Get<DatasetStore>();
        var old = await SeedOldCopyAsync(store);
        await host.CreateExperimentAsync(old, "general");

        await new BuiltInDatasetSeeder(store, new BuiltInDatasetStatus(), NullLogger<BuiltInDatasetSeeder>.Instance).SeedAsync(host.Folder, CancellationToken.None);

        Assert.Equal(2, (await store.ListAsync()).Count(d => d.Name == Name));
        Assert.NotNull(await store.FindAsync(old));
    }
}
