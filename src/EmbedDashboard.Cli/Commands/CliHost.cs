using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data;
using EmbedDashboard.Inference;
using EmbedDashboard.Runner;
using EmbedDashboard.Training;
using EmbedDashboard.Inference.Import;
using EmbedDashboard.Training.Artifacts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Cli.Commands;

/// <summary>The web app's services (same appsettings.json, same store) without the web server or background workers.</summary>
internal static class CliHost
{
    public static async Task<ServiceProvider> BuildAsync()
    {
        var root = AppPaths.Root();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Runner:Enabled"] = "false" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddEmbedDashboardData(configuration);
        services.AddEmbedDashboardInference(configuration);
        services.AddEmbedDashboardRunner(configuration);
        services.AddEmbedDashboardTraining(configuration);
        var provider = services.BuildServiceProvider();
        await DatabaseInitializer.InitializeAsync(provider);
        provider.GetRequiredService<ImportedModelCatalog>().LoadAll();
        provider.GetRequiredService<TrainedEmbedderCatalog>().LoadAll();
        return provider;
    }

    /// <summary>Models and built-in datasets checked (installed when missing), then the services: what a command over stored data needs.</summary>
    public static async Task<ServiceProvider> BuildSeededAsync()
    {
        await Inference.Setup.AssetSetup.EnsureAsync(AppPaths.Root(), new SynchronousProgress(Console.Error.WriteLine));
        var services = await BuildAsync();
        await services.GetRequiredService<Runner.Datasets.BuiltInDatasetSeeder>().SeedAsync(AppPaths.Root(), CancellationToken.None);
        return services;
    }

    /// <summary>The stored dataset of that exact name, or null with the reason on stderr.</summary>
    public static async Task<Data.Entities.DatasetEntity?> FindDatasetAsync(IServiceProvider services, string name, CancellationToken cancellationToken)
    {
        var dataset = (await services.GetRequiredService<Data.Stores.DatasetStore>().ListAsync(cancellationToken)).FirstOrDefault(d => d.Name == name);
        if (dataset is null) Console.Error.WriteLine($"No dataset named '{name}'.");
        return dataset;
    }
}
