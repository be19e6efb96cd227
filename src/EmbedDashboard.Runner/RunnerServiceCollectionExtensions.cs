using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Progress;
using EmbedDashboard.Runner.Queue;
using EmbedDashboard.Runner.Specs;
using EmbedDashboard.Runner.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Runner;

public static class RunnerServiceCollectionExtensions
{
    public static IServiceCollection AddEmbedDashboardRunner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RunnerOptions>()
            .Bind(configuration.GetSection(RunnerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Models.ModelLibrary>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<RunCancellations>();
        services.AddSingleton<RunProgressHub>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunProcessor>();
        services.AddSingleton<ExperimentService>();
        services.AddSingleton<Results.ExperimentQueries>();
        services.AddSingleton<Probes.NeighbourProbeService>();
        services.AddSingleton<Probes.LexiconProbeService>();
        services.AddSingleton<Projections.ProjectionService>();
        services.AddSingleton<Projections.ProjectionQueue>();
        services.AddSingleton<Projections.ProjectionComputer>();
        services.AddSingleton<Projections.ProjectionWorker>();
        services.AddTaskRunners();
        services.AddSingleton<Datasets.DatasetImportService>();
        services.AddSingleton<Datasets.BuiltInDatasetStatus>();
        services.AddSingleton<Datasets.BuiltInDatasetSeeder>();
        if (configuration.GetSection(RunnerOptions.SectionName).GetValue(nameof(RunnerOptions.Enabled), true))
        {
            services.AddHostedService<RunWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<Projections.ProjectionWorker>());
            services.AddHostedService(sp => sp.GetRequiredService<Datasets.BuiltInDatasetSeeder>());
        }

        return services;
    }
}
