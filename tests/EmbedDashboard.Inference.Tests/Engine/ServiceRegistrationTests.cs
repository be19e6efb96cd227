using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Inference.Tests.Engine;

public sealed class ServiceRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEmbedDashboardInference(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddEmbedDashboardInference_ModelsSection_BoundAndRegistrySingleton()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        using var provider = Build(new() { ["Models:Directory"] = folder, ["Models:IntraOpThreads"] = "2" });

        Assert.Equal(2, provider.GetRequiredService<IOptions<ModelsOptions>>().Value.IntraOpThreads);
        Assert.Same(provider.GetRequiredService<IEmbedderRegistry>(), provider.GetRequiredService<EmbedderRegistry>());
    }

    [Fact]
    public void AddEmbedDashboardInference_EmptyDirectory_FailsValidationAtStart()
    {
        using var provider = Build(new() { ["Models:Directory"] = "" });

        // What the host runs at start because of ValidateOnStart.
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Directory", ex.Message);
    }

    [Fact]
    public void AddEmbedDashboardInference_StoreConfigured_RegistrySharesOneCacheWithStoreInThatFolder()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var store = Path.Combine(folder, "store");
        using var provider = Build(new() { ["Models:Directory"] = folder, ["Models:EmbeddingStoreDirectory"] = store, ["Models:EmbeddingStoreBytes"] = "1048576" });

        var cache = provider.GetRequiredService<EmbeddingCache>();

        Assert.Same(cache, provider.GetRequiredService<EmbedderRegistry>().SharedCache);
        Assert.Equal(Path.Combine(store, Inference.Store.EmbeddingStore.FileName), cache.Store?.FilePath);
        Assert.True(File.Exists(cache.Store!.FilePath));
    }

    [Fact]
    public void AddEmbedDashboardInference_StoreBytesZero_MemoryOnly()
    {
        using var provider = Build(new() { ["Models:Directory"] = Directory.CreateTempSubdirectory().FullName, ["Models:EmbeddingStoreBytes"] = "0" });

        Assert.Null(provider.GetRequiredService<EmbeddingCache>().Store);
    }

    [Fact]
    public void AddEmbedDashboardInference_NegativeStoreBytes_FailsValidationAtStart()
    {
        using var provider = Build(new() { ["Models:Directory"] = "models", ["Models:EmbeddingStoreBytes"] = "-1" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("EmbeddingStoreBytes", ex.Message);
    }
}
