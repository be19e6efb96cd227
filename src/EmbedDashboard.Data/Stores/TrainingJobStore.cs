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

    /// <summary>Applies a change to one job and saves it; false when the job no longer exists.</summary>
    public async Task<bool> UpdateAsync(int id, Action<TrainingJobEntity> change, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await db.TrainingJobs.FindAsync([id], cancellationToken);
        if (job is null) return false;
        change(job);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<bool> MarkStartedAsync(int id, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, j =>
        {
            j.Status = RunStatus.Running;
            j.StartedAt = clock.GetUtcNow();
            j.Error = null;
            j.Progress = 0;
        }, cancellationToken);

    public Task<bool> MarkFinishedAsync(int id, RunStatus status, string? error, string? message, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, j =>
        {
            j.Status = status;
            j.Error = error;
            j.ProgressMessage = message ?? j.ProgressMessage;
            j.FinishedAt = clock.GetUtcNow();
            if (status == RunStatus.Done) j.Progress = 1;
        }, cancellationToken);

    /// <summary>At start: jobs left Running by a stop become Interrupted; returns the ids to queue again (Queued and Interrupted).</summary>
    public async Task<IReadOnlyList<int>> RecoverAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var unfinished = await db.TrainingJobs
            .Where(j => j.Status == RunStatus.Running || j.Status == RunStatus.Queued || j.Status == RunStatus.Interrupted)
            .ToListAsync(cancellationToken);
        foreach (var job in unfinished.Where(j => j.Status == RunStatus.Running))
        {
            job.Status = RunStatus.Interrupted;
            job.ProgressMessage = "Interrupted by a shutdown; started again from the beginning.";
        }

        await db.SaveChangesAsync(cancellationToken);
        return unfinished.OrderBy(j => j.Id).Select(j => j.Id).ToList();
    }
}
