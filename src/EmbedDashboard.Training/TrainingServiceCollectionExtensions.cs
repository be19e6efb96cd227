using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Training;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>
    /// The trained-embedder catalog (models/trained, registered in the shared registry), the training
    /// queue, executor and service, and the worker (unless Runner:Enabled is false, as in tests that
    /// drive jobs themselves).
    /// </summary>
    public static IServiceCollection AddEmbedDashboardTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TrainedEmbedderCatalog>();
        services.AddSingleton<IRemovableEmbedders>(sp => sp.GetRequiredService<TrainedEmbedderCatalog>());
        services.AddSingleton<TrainingQueue>();
        services.AddSingleton<TrainingProgressHub>();
        services.AddSingleton<TrainingJobExecutor>();
        services.AddSingleton<TrainingService>();
        services.AddSingleton<TrainingWorker>();
        if (configuration.GetSection("Runner").GetValue("Enabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<TrainingWorker>());
        }

        return services;
    }
}
