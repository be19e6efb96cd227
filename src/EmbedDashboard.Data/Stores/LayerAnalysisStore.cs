using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

/// <summary>Cached layer analyses; one short-lived DbContext per call.</summary>
public sealed class LayerAnalysisStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    /// <summary>The newest analysis with this key that is done or on its way; failed and cancelled ones are not reused.</summary>
    public async Task<LayerAnalysisEntity?> FindAsync(string embedderId, int datasetId, string paramsKey, string modelSha256, string datasetSha256, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.LayerAnalyses.AsNoTracking()
            .Where(p => p.EmbedderId == embedderId && p.DatasetId == datasetId && p.ParamsKey == paramsKey
                && p.ModelSha256 == modelSha256 && p.DatasetSha256 == datasetSha256
                && (p.Status == RunStatus.Done || p.Status == RunStatus.Queued || p.Status == RunStatus.Running || p.Status == RunStatus.Interrupted))
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<LayerAnalysisEntity> CreateAsync(LayerAnalysisEntity analysis, CancellationToken cancellationToken = default)
    {
        analysis.Status = RunStatus.Queued;
        analysis.CreatedAt = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.LayerAnalyses.Add(analysis);
        await db.SaveChangesAsync(cancellationToken);
        return analysis;
    }

    public async Task<LayerAnalysisEntity?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.LayerAnalyses.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }
}
