using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddEmbedDashboardData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = ResolveConnectionString(options.ConnectionString);
        services.AddDbContextFactory<EmbedDashboardDbContext>(o => o.UseSqlite(connectionString));
        services.AddSingleton<DatasetStore>();
        services.AddSingleton<ExperimentStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<EmbedderStore>();
        services.AddSingleton<TrainingJobStore>();
        services.AddSingleton<ProjectionStore>();
        services.AddSingleton<LayerAnalysisStore>();
        services.AddSingleton<ShareLinkStore>();
        services.AddSingleton<EmbedderUsageStore>();
        services.AddSingleton<Jobs.RunLedger>();
        services.AddSingleton<Jobs.TrainingLedger>();
        services.AddSingleton<Jobs.ProjectionLedger>();
        services.AddSingleton<Jobs.LayerAnalysisLedger>();
        return services;
    }

    /// <summary>Makes a relative SQLite file path absolute from the repository root and creates its folder.</summary>
    public static string ResolveConnectionString(string connectionString, string? root = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = AppPaths.Resolve(builder.DataSource, root);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
