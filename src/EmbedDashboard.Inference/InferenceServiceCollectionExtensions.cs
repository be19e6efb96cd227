using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Store;

namespace EmbedDashboard.Inference;

public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Section "Models" bound to <see cref="ModelsOptions"/> and validated when the host starts (a missing
    /// Directory stops start-up with a clear message rather than surfacing at the first embedding), plus
    /// the embedder registry as one singleton under both its own type (to register trained embedders)
    /// and <see cref="IEmbedderRegistry"/>. Models load lazily on first use.
    /// </summary>
    public static IServiceCollection AddEmbedDashboardInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelsOptions>()
            .Bind(configuration.GetSection(ModelsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // One cache for every encoder the app loads, in front of the on-disk store (opened once, at first use).
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelsOptions>>().Value;
            var store = options.EmbeddingStoreBytes > 0
                ? EmbeddingStore.Open(AppPaths.Resolve(options.EmbeddingStoreDirectory), options.EmbeddingStoreBytes, sp.GetRequiredService<ILoggerFactory>().CreateLogger<EmbeddingStore>())
                : null;
            return new EmbeddingCache(EmbeddingCache.DefaultMaxBytes, store);
        });
        services.AddSingleton<EmbedderRegistry>();
        services.AddSingleton<IEmbedderRegistry>(sp => sp.GetRequiredService<EmbedderRegistry>());
        services.AddSingleton<ImportedModelCatalog>();
        services.AddSingleton<IRemovableEmbedders>(sp => sp.GetRequiredService<ImportedModelCatalog>());
        return services;
    }
}
