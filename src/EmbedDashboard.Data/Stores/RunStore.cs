using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

public sealed record MetricValue(string Name, double Value, double? Std = null, bool IsPrimary = false, IReadOnlyList<double>? Values = null);

/// <summary>State changes of runs. Every method is one short transaction, so a stop never loses a finished result.</summary>
public sealed class RunStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    public async Task<RunEntity?> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Include(r => r.Dataset).Include(r => r.Metrics)
            .FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>Runs waiting for a worker (queued or interrupted), oldest first.</summary>
    public async Task<IReadOnlyList<int>> PendingIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Interrupted)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Claims a queued run; false when it is no longer waiting (cancelled meanwhile, or done).</summary>
    public async Task<bool> TryStartAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.Runs
            .Where(r => r.Id == runId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Interrupted))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Running)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.Progress, 0)
                .SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
        return claimed == 1;
    }

    public async Task ReportProgressAsync(int runId, double progress, string? message, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, progress).SetProperty(r => r.ProgressMessage, message), cancellationToken);
    }

    /// <summary>
    /// Stores the metrics and marks the run done in one transaction. False when the run is no
    /// longer running (cancelled while its last batch finished): the user's cancel wins.
    /// </summary>
    public async Task<bool> CompleteAsync(int runId, IReadOnlyList<MetricValue> metrics, string reproJson, string efficiencyJson, string? notes = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.Include(r => r.Metrics).FirstAsync(r => r.Id == runId, cancellationToken);
        if (run.Status != RunStatus.Running)
        {
            return false;
        }

        run.Metrics.Clear();
        run.Metrics.AddRange(metrics.Select(m => new MetricEntity
        {
            Name = m.Name,
            Value = m.Value,
            Std = m.Std,
            IsPrimary = m.IsPrimary,
            ValuesJson = m.Values is null ? null : System.Text.Json.JsonSerializer.Serialize(m.Values),
        }));
        run.Status = RunStatus.Done;
        run.Progress = 1;
        run.ProgressMessage = notes; // what the evaluator says about the run (sampling, coverage), shown with the results
        run.ReproJson = reproJson;
        run.EfficiencyJson = efficiencyJson;
        run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The app is stopping mid-run: the run is queued again at the next start.</summary>
    public async Task MarkInterruptedAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Interrupted)
                .SetProperty(r => r.ProgressMessage, "Interrupted by a shutdown; resumes at the next start."), cancellationToken);
    }

    public Task FailAsync(int runId, string error, CancellationToken cancellationToken = default) =>
        FinishAsync(runId, RunStatus.Failed, error, cancellationToken);

    /// <summary>Cancels a queued or running run. Returns false when it had already finished.</summary>
    public async Task<bool> CancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Runs
            .Where(r => r.Id == runId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running || r.Status == RunStatus.Interrupted))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Cancelled)
                .SetProperty(r => r.ProgressMessage, "Cancelled by the user.")
                .SetProperty(r => r.FinishedAt, now), cancellationToken) == 1;
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

    private async Task FinishAsync(int runId, RunStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.FinishedAt, now), cancellationToken);
    }
}
