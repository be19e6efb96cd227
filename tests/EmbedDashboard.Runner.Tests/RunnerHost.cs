using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Data;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Specs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Runner.Tests;

/// <summary>The runner services over a real SQLite file, with a steerable task runner and fake embedders.</summary>
internal sealed class RunnerHost : IAsyncDisposable
{
    private RunnerHost(string folder, ServiceProvider services, ControlledTaskRunner task)
    {
        Folder = folder;
        Services = services;
        Task = task;
    }

    public string Folder { get; }
    public ServiceProvider Services { get; }
    public ControlledTaskRunner Task { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <param name="embedders">The registry's embedders; by default a general "general" and a task-specific "specific".</param>
    public static async Task<RunnerHost> StartAsync(string? folder = null, ControlledTaskRunner? task = null, IEmbedder[]? embedders = null)
    {
        folder ??= Directory.CreateTempSubdirectory("embeddash-runner-").FullName;
        task ??= new ControlledTaskRunner();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "runner.db")};Pooling=False",
            ["Runner:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IEmbedderRegistry>(new FakeRegistry(embedders ?? [new FakeEmbedder("general"), new FakeEmbedder("specific", general: false)]));
        services.AddEmbedDashboardData(configuration);
        services.AddEmbedDashboardRunner(configuration);
        services.AddSingleton<ITaskRunner>(task);
        var provider = services.BuildServiceProvider();
        await DatabaseInitializer.InitializeAsync(provider);
        return new RunnerHost(folder, provider, task);
    }

    public async Task<int> SeedDatasetAsync()
    {
        var items = new List<LabeledText> { new("good", "pos"), new("bad", "neg"), new("fine", "pos") };
        var entity = await Get<DatasetStore>().SaveAsync(new DatasetMetadata("toy", TaskKind.Classification, "csv", "hash", "test", null, false), items);
        return entity.Id;
    }

    public Task<Data.Entities.ExperimentEntity> CreateExperimentAsync(int datasetId, params string[] embedders) =>
        Get<ExperimentService>().CreateAsync(new ExperimentSpec
        {
            Name = "test",
            Datasets = [datasetId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Embedders = embedders,
        });

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
