using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data;
using EmbedDashboard.Inference;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Runner;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Training.Tests.Jobs;

/// <summary>
/// The app's real services over a temp SQLite file and a temp models folder that links to the
/// installed GloVe and MiniLM, so trained embedders land in the temp folder, not the user's models/.
/// No background workers: tests drive jobs and runs themselves.
/// </summary>
internal sealed class TrainingHost : IAsyncDisposable
{
    private TrainingHost(string folder, ServiceProvider services)
    {
        Folder = folder;
        Services = services;
    }

    public string Folder { get; }
    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TrainingHost> StartAsync(string? folder = null)
    {
        var root = AppPaths.Root();
        await AssetSetup.EnsureAsync(root);
        folder ??= Directory.CreateTempSubdirectory("embeddash-training-").FullName;
        var models = Path.Combine(folder, "models");
        Directory.CreateDirectory(models);
        foreach (var id in new[] { ModelLayout.GloveId, ModelLayout.MiniLmId })
        {
            var link = Path.Combine(models, id);
            if (!Directory.Exists(link)) Directory.CreateSymbolicLink(link, Path.Combine(root, "models", id));
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "training.db")};Pooling=False",
            ["Runner:Enabled"] = "false",
            ["Models:Directory"] = models,
            ["Models:IntraOpThreads"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddEmbedDashboardData(configuration);
        services.AddEmbedDashboardInference(configuration);
        services.AddEmbedDashboardRunner(configuration);
        services.AddEmbedDashboardTraining(configuration);
        var provider = services.BuildServiceProvider();
        await DatabaseInitializer.InitializeAsync(provider);
        provider.GetRequiredService<Artifacts.TrainedEmbedderCatalog>().LoadAll();
        return new TrainingHost(folder, provider);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
