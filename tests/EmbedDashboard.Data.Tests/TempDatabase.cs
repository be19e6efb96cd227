using EmbedDashboard.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Data.Tests;

/// <summary>A real SQLite file in a temp folder, migrated like the app does at start-up.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(string folder, ServiceProvider services)
    {
        Folder = folder;
        Services = services;
    }

    public string Folder { get; }
    public string FilePath => Path.Combine(Folder, "test.db");
    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TempDatabase> CreateAsync(string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("embeddash-db-").FullName;
        var services = Build(folder);
        var db = new TempDatabase(folder, services);
        await DatabaseInitializer.InitializeAsync(services);
        return db;
    }

    /// <summary>Opens the same file again, as a restarted app would.</summary>
    public Task<TempDatabase> ReopenAsync() => CreateAsync(Folder);

    private static ServiceProvider Build(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "test.db")};Pooling=False",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddEmbedDashboardData(configuration);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
