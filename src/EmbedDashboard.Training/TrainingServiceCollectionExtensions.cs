using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Training;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>
    /// The trained-embedder catalog (models/trained, registered in the shared registry), training as a kind of
    /// the job framework, and the service pages and the CLI call. The framework's worker starts unless
    /// Runner:Enabled is false (tests and the CLI drive jobs themselves).
    /// </summary>
    public static IServiceCollection AddEmbedDashboardTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TrainedEmbedderCatalog>();
        services.AddSingleton<IRemovableEmbedders>(sp => sp.GetRequiredService<TrainedEmbedderCatalog>());
        services.AddEmbedDashboardJobs(startWorker: configuration.GetSection("Runner").GetValue("Enabled", true));
        services.AddJobKind<TrainingJobExecutor, TrainingLedger>();
        services.AddSingleton<TrainingService>();

        return services;
    }
}
