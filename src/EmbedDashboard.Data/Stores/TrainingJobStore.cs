using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

/// <summary>Training jobs, one short-lived DbContext per call (safe from singletons and workers).</summary>
public sealed class TrainingJobStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    public async Task<TrainingJobEntity> CreateAsync(string name, TrainingMethod method, int datasetId, string? baseEmbedderId, string optionsJson, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Datasets.AnyAsync(d => d.Id == datasetId, cancellationToken))
        {
            throw new KeyNotFoundException($"Dataset {datasetId} does not exist.");
        }

        var job = new TrainingJobEntity
        {
            Name = name,
            Method = method,
            DatasetId = datasetId,
            BaseEmbedderId = baseEmbedderId,
            OptionsJson = optionsJson,
            Status = RunStatus.Queued,
            QueuedAt = clock.GetUtcNow(),
        };
        db.TrainingJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public async Task<TrainingJobEntity?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingJobs.AsNoTracking().Include(j => j.Dataset).FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<TrainingJobEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.TrainingJobs.AsNoTracking().Include(j => j.Dataset).OrderByDescending(j => j.Id).ToListAsync(cancellationToken);
    }
}
