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
}
