using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data;
using EmbedDashboard.Inference;
using EmbedDashboard.Runner;
using EmbedDashboard.Training;
using EmbedDashboard.Web;
using EmbedDashboard.Web.Components;
using EmbedDashboard.Web.Hosting;
using EmbedDashboard.Web.Security;

// The repository root holds appsettings.json, wwwroot, models and data (fixed by the owner).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppPaths.Root() });

// Package assets (MudBlazor, Plotly) are served from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddEmbedDashboardData(builder.Configuration);
builder.Services.AddEmbedDashboardInference(builder.Configuration);
builder.Services.AddEmbedDashboardRunner(builder.Configuration);
builder.Services.AddEmbedDashboardTraining(builder.Configuration);
builder.Services.AddEmbedDashboardWeb(builder.Configuration);
builder.Services.AddEmbedDashboardAccess(builder.Configuration);

var app = builder.Build();
await app.PrepareAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStaticFiles();
app.UseEmbedDashboardAccess();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapEmbedDashboardEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireCircuitSignIn();

await app.RunAsync();

/// <summary>Visible to tests.</summary>
public partial class Program;
