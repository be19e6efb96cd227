using EmbedDashboard.Runner.Export;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Runner.Sharing;
using EmbedDashboard.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace EmbedDashboard.Web.Hosting;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Non-page endpoints: health, sign-out, result exports (CSV/JSON with reproducibility metadata), for a Viewer or through a share link.</summary>
    public static IEndpointRouteBuilder MapEmbedDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Says only that the process answers (for a proxy's health check); no data.
        endpoints.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();

        // A form field makes the endpoint check the antiforgery token, so another site cannot sign a user out.
        endpoints.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        endpoints.MapGet("/api/experiments/{id:int}/results.{format}", (int id, string format, ExperimentQueries queries, CancellationToken ct) => ExportAsync(id, format, queries, ct))
            .RequireAuthorization(AccessPolicies.Viewer);

        // The export of a shared experiment: the token, not the address, says which one.
        endpoints.MapGet("/s/{token}/results.{format}", async (string token, string format, SharingService sharing, ExperimentQueries queries, CancellationToken ct) =>
            await sharing.ResolveAsync(token, ct) is { Kind: "experiment" } link
                ? await ExportAsync(link.TargetId, format, queries, ct)
                : Results.NotFound("This link does not exist, has expired or has been revoked.")).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(int id, string format, ExperimentQueries queries, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } view)
        {
            return Results.NotFound($"Experiment {id} does not exist.");
        }

        return format switch
        {
            "csv" => Results.File(System.Text.Encoding.UTF8.GetBytes(ResultsExporter.ToCsv(view)), "text/csv", $"experiment-{id}.csv"),
            "json" => Results.File(System.Text.Encoding.UTF8.GetBytes(ResultsExporter.ToJson(view)), "application/json", $"experiment-{id}.json"),
            _ => Results.BadRequest($"Unknown format '{format}': use csv or json."),
        };
    }
}
