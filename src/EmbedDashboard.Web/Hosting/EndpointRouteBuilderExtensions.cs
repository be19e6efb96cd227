using EmbedDashboard.Runner.Export;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Web.Hosting;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Non-page endpoints: health and result exports (CSV/JSON with reproducibility metadata).</summary>
    public static IEndpointRouteBuilder MapEmbedDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/api/experiments/{id:int}/results.{format}", async (int id, string format, ExperimentQueries queries, CancellationToken ct) =>
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
        });
        return endpoints;
    }
}
