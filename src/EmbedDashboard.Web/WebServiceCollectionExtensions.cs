using EmbedDashboard.Web.Services;
using MudBlazor.Services;

namespace EmbedDashboard.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddEmbedDashboardWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SimilarityComparer>();
        return services;
    }
}
