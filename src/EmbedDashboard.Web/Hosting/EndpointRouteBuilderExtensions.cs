namespace EmbedDashboard.Web.Hosting;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Non-page endpoints: health now; exports and share links plug in here.</summary>
    public static IEndpointRouteBuilder MapEmbedDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        return endpoints;
    }
}
