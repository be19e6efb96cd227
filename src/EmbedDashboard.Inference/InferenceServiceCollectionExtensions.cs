using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Inference;

public static class InferenceServiceCollectionExtensions
{
    public static IServiceCollection AddEmbedDashboardInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelsOptions>()
            .Bind(configuration.GetSection(ModelsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EmbedderRegistry>();
        services.AddSingleton<IEmbedderRegistry>(sp => sp.GetRequiredService<EmbedderRegistry>());
        return services;
    }
}
