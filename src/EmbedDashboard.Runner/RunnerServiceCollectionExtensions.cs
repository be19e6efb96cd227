using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Specs;
using EmbedDashboard.Runner.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmbedDashboard.Runner;

public static class RunnerServiceCollectionExtensions
{
    public static IServiceCollection AddEmbedDashboardRunner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RunnerOptions>()
            .Bind(configuration.GetSection(RunnerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The CLI and test hosts act as the local operator; the web app replaces this with the signed-in user.
        services.TryAddSingleton<Core.Access.IUserAccess, Core.Access.LocalOperatorAccess>();
        services.AddSingleton<Models.ModelLibrary>();
        var workers = configuration.GetSection(RunnerOptions.SectionName).GetValue(nameof(RunnerOptions.Enabled), true);
        services.AddEmbedDashboardJobs(startWorker: workers);
        services.AddJobKind<RunJobHandler, RunLedger>();
        services.AddJobKind<Projections.ProjectionJobHandler, ProjectionLedger>();
        services.AddJobKind<Layers.LayerAnalysisJobHandler, LayerAnalysisLedger>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<ExperimentService>();
        services.AddSingleton<Results.ExperimentQueries>();
        services.AddSingleton<Probes.NeighbourProbeService>();
        services.AddSingleton<Probes.LexiconProbeService>();
        services.AddSingleton<Projections.ProjectionService>();
        services.AddSingleton<Projections.ChurnErrorService>();
        services.AddSingleton<Layers.LayerAnalysisService>();
        services.AddTaskRunners();
        services.AddSingleton<Datasets.DatasetImportService>();
        services.AddSingleton<Datasets.DatasetCatalog>();
        services.AddSingleton<Sharing.SharingService>();
        services.AddSingleton<Datasets.BuiltInDatasetStatus>();
        services.AddSingleton<Datasets.BuiltInDatasetSeeder>();
        if (workers)
        {
            services.AddHostedService(sp => sp.GetRequiredService<Datasets.BuiltInDatasetSeeder>());
        }

        return services;
    }
}
