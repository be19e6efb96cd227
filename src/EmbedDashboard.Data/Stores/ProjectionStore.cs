using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

/// <summary>Cached projections; one short-lived DbContext per call.</summary>
public sealed class ProjectionStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    /// <summary>The newest projection with this key that is done or on its way (queued, running, or interrupted and resumed at start); failed and cancelled ones are not reused.</summary>
    public async Task<ProjectionEntity?> FindAsync(string embedderId, int datasetId, ProjectionMethod method, string paramsKey, string modelSha256, string datasetSha256, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Projections.AsNoTracking()
            .Where(p => p.EmbedderId == embedderId && p.DatasetId == datasetId && p.Method == method && p.ParamsKey == paramsKey
                && p.ModelSha256 == modelSha256 && p.DatasetSha256 == datasetSha256
                && (p.Status == RunStatus.Done || p.Status == RunStatus.Queued || p.Status == RunStatus.Running || p.Status == RunStatus.Interrupted))
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ProjectionEntity> CreateAsync(ProjectionEntity projection, CancellationToken cancellationToken = default)
    {
        projection.Status = RunStatus.Queued;
        projection.CreatedAt = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Projections.Add(projection);
        await db.SaveChangesAsync(cancellationToken);
        return projection;
    }

    public async Task<ProjectionEntity?> GetAsync(int id, bool withPoints, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Projections.AsNoTracking().Where(p => p.Id == id);
        if (withPoints) return await query.FirstOrDefaultAsync(cancellationToken);
        // Leave the points out: progress polling should not read megabytes.
        return await query.Select(p => new ProjectionEntity
        {
            Id = p.Id, EmbedderId = p.EmbedderId, DatasetId = p.DatasetId, Method = p.Method, ParamsKey = p.ParamsKey,
            ModelSha256 = p.ModelSha256, DatasetSha256 = p.DatasetSha256, Status = p.Status, Progress = p.Progress,
            ProgressMessage = p.ProgressMessage, Error = p.Error, Attempts = p.Attempts, Components = p.Components, TotalItems = p.TotalItems,
            Missing = p.Missing, EmbedSeconds = p.EmbedSeconds, ProjectSeconds = p.ProjectSeconds, FiguresJson = p.FiguresJson,
            CreatedAt = p.CreatedAt, StartedAt = p.StartedAt, FinishedAt = p.FinishedAt,
        }).FirstOrDefaultAsync(cancellationToken);
    }
}
