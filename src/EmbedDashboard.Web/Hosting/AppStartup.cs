using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Import;
using EmbedDashboard.Training.Artifacts;

namespace EmbedDashboard.Web.Hosting;

public static class AppStartup
{
    /// <summary>
    /// Everything the app needs before it serves a page: assets installed (the first start fetches
    /// and converts them; later starts only check markers), database migrated, interrupted runs found, imported and trained embedders registered.
    /// A failed asset set-up is logged and shown on the Models page instead of stopping the app.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EmbedDashboard.Startup");
        var skipSetup = app.Configuration.GetValue<bool>("Setup:Skip");
        if (!skipSetup)
        {
            try
            {
                await AssetSetup.EnsureAsync(AppPaths.Root(app.Environment.ContentRootPath), new Progress<string>(m => logger.LogInformation("{SetupStep}", m)), app.Lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Asset set-up failed; models that are missing are listed on the Models page.");
            }
        }

        await DatabaseInitializer.InitializeAsync(app.Services, app.Lifetime.ApplicationStopping);
        await Security.OwnerBootstrap.EnsureAsync(app.Services, app.Configuration, logger);

        // Trained embedders are registered before any worker starts, so queued runs that use them find them.
        app.Services.GetRequiredService<ImportedModelCatalog>().LoadAll();
        app.Services.GetRequiredService<TrainedEmbedderCatalog>().LoadAll();
    }
}
