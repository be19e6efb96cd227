using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

/// <summary>
/// Runs as pages and services read them, and the user's cancel and retry. A worker's state changes (claim,
/// progress, result) go through <see cref="Jobs.RunLedger"/>, the job framework's ledger of runs.
/// </summary>
public sealed class RunStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    public async Task<RunEntity?> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Include(r => r.Dataset).Include(r => r.Metrics)
            .FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>Puts a finished (failed/cancelled) run back in the queue.</summary>
    public async Task<bool> RequeueAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Runs
            .Where(r => r.Id == runId && (r.Status == RunStatus.Failed || r.Status == RunStatus.Cancelled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Queued)
                .SetProperty(r => r.Progress, 0)
                .SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.ProgressMessage, (string?)null)
                .SetProperty(r => r.QueuedAt, now)
                .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    /// <summary>
    /// The most recent finished run (highest id: SQLite cannot order by DateTimeOffset) of an embedder on a dataset that
    /// stored per-item outcomes, with them; null when there is none. For linking other views to that embedder's errors.
    /// </summary>
    public async Task<RunEntity?> LatestWithItemsAsync(int datasetId, string embedderId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking()
            .Where(r => r.DatasetId == datasetId && r.EmbedderId == embedderId && r.Status == RunStatus.Done && r.ItemOutcomesGzip != null)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
