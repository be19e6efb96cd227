using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Import;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Models;
using EmbedDashboard.Runner.Results;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Runner.Tests;

public sealed class ModelLibraryTests
{
    private sealed class FakeSource(string owned) : IRemovableEmbedders
    {
        public int Removed { get; private set; }
        public bool Owns(string id) => id == owned;
        public bool Remove(string id)
        {
            Removed++;
            return true;
        }
    }

    private static (ModelLibrary Library, FakeSource Source) Library(RunnerHost host, params string[] importRoots)
    {
        var options = Options.Create(new ModelsOptions { Directory = Path.Combine(host.Folder, "models"), ImportRoots = importRoots });
        var catalog = new ImportedModelCatalog(new EmbedderRegistry(options, NullLogger<EmbedderRegistry>.Instance), options, NullLogger<ImportedModelCatalog>.Instance);
        var source = new FakeSource("specific");
        return (new ModelLibrary(host.Get<IEmbedderRegistry>(), catalog, [source], host.Get<EmbedderUsageStore>(), options, new EmbedDashboard.Core.Access.LocalOperatorAccess()), source);
    }

    [Fact]
    public async Task RemoveAsync_QueuedRunUsesIt_RefusedNamingTheExperiment()
    {
        await using var host = await RunnerHost.StartAsync();
        var (library, source) = Library(host);
        await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "specific");

        var outcome = await library.RemoveAsync("specific");

        Assert.False(outcome.Removed);
        Assert.Contains("experiment 'test'", outcome.Message);
        Assert.Contains("Queued", outcome.Message);
        Assert.Equal(0, source.Removed);
    }

    [Fact]
    public async Task RemoveAsync_AfterItsRunFinished_RemovesAndOldResultKeepsNameAndKind()
    {
        await using var host = await RunnerHost.StartAsync();
        var (library, source) = Library(host);
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general", "specific");
        host.Task.Release();
        foreach (var run in experiment.Runs) await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None);

        var outcome = await library.RemoveAsync("specific");

        Assert.True(outcome.Removed, outcome.Message);
        Assert.Equal(1, source.Removed);
        // The registry no longer knows it: the page is built from what the runs froze at creation.
        var stored = await host.Get<ExperimentStore>().GetAsync(experiment.Id);
        var view = ExperimentViewBuilder.Build(stored!, embedders: []);
        var specific = view.Runs.Single(r => r.EmbedderId == "specific");
        Assert.False(specific.IsGeneral);
        Assert.Equal("specific", specific.EmbedderName);
        Assert.NotNull(specific.DeltaVsBestGeneral);
    }

    [Fact]
    public async Task RemoveAsync_BuiltIn_RefusedAsBuiltIn()
    {
        await using var host = await RunnerHost.StartAsync();
        var (library, _) = Library(host);

        var outcome = await library.RemoveAsync("general");

        Assert.False(outcome.Removed);
        Assert.Contains("built in", outcome.Message);
    }

    [Fact]
    public async Task ImportServerPathAsync_OutsideImportRoots_RefusedNamingRoots()
    {
        await using var host = await RunnerHost.StartAsync();
        var root = Directory.CreateTempSubdirectory("embeddash-root-").FullName;
        var outside = Directory.CreateTempSubdirectory("embeddash-outside-").FullName;
        var (library, _) = Library(host, root);

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => library.ImportServerPathAsync(new ModelImportRequest { Path = outside, DisplayName = "x" }));

        Assert.Contains("outside the import roots", ex.Message);
        Assert.Contains(root, ex.Message);
    }

    [Fact]
    public async Task ImportServerPathAsync_LinkInsideRootPointingOutside_Refused()
    {
        await using var host = await RunnerHost.StartAsync();
        var root = Directory.CreateTempSubdirectory("embeddash-root-").FullName;
        var outside = Directory.CreateTempSubdirectory("embeddash-outside-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "escape"), outside);
        var (library, _) = Library(host, root);

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => library.ImportServerPathAsync(new ModelImportRequest { Path = Path.Combine(root, "escape", "model"), DisplayName = "x" }));

        Assert.Contains("outside the import roots", ex.Message);
    }

    [Fact]
    public async Task ImportServerPathAsync_NoRootsConfigured_RefusedSayingSo()
    {
        await using var host = await RunnerHost.StartAsync();
        var (library, _) = Library(host);

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => library.ImportServerPathAsync(new ModelImportRequest { Path = host.Folder, DisplayName = "x" }));

        Assert.Contains("Models:ImportRoots", ex.Message);
    }
}
