using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace EmbedDashboard.Data.Jobs;

/// <summary>
/// The one ledger of the job framework over any job table: every state change is a single conditional UPDATE
/// ("… where status is Queued or Interrupted"), so claiming is atomic and a Cancel, a stop and a worker cannot
/// overwrite each other. A kind adds only what it stores beside the common columns.
/// </summary>
public abstract class JobRows<TEntity>(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock) : IJobLedger
    where TEntity : class, IJobRow
{
    public const string InterruptedMessage = "Interrupted by a shutdown; it starts again now.";

    public abstract JobKind Kind { get; }

    protected IDbContextFactory<EmbedDashboardDbContext> Factory => factory;

    protected TimeProvider Clock => clock;

    public async Task<IReadOnlyList<int>> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Set<TEntity>().Where(j => j.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RunStatus.Interrupted).SetProperty(j => j.ProgressMessage, InterruptedMessage), cancellationToken);
        return await db.Set<TEntity>().Where(j => j.Status == RunStatus.Queued || j.Status == RunStatus.Interrupted)
            .OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> TryClaimAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Set<TEntity>()
            .Where(j => j.Id == id && (j.Status == RunStatus.Queued || j.Status == RunStatus.Interrupted))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, RunStatus.Running)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.Progress, 0)
                .SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken) == 1;
    }

    public virtual Task<int?> GroupOfAsync(int id, CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    public async Task SaveProgressAsync(int id, JobProgressSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Set<TEntity>().Where(j => j.Id == id && j.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(j => j.Progress, snapshot.Fraction).SetProperty(j => j.ProgressMessage, snapshot.Message);
                if (snapshot.DetailJson is { } detail) SetDetail(s, detail);
            }, cancellationToken);
    }

    /// <summary>Where a kind keeps its progress detail (a training job's loss curve); ignored by default.</summary>
    protected virtual void SetDetail(UpdateSettersBuilder<TEntity> setters, string detailJson)
    {
    }

    /// <summary>Done with the message; kinds with results override this to store them in the same statement or transaction.</summary>
    public virtual async Task<bool> CompleteAsync(int id, JobCompletion completion, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await MarkDoneAsync(db, id, completion.Message, _ => { }, cancellationToken);
    }

    /// <summary>Running → Done with the common columns plus <paramref name="result"/>'s; false when the job is no longer Running.</summary>
    protected async Task<bool> MarkDoneAsync(EmbedDashboardDbContext db, int id, string? message, Action<UpdateSettersBuilder<TEntity>> result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Set<TEntity>().Where(j => j.Id == id && j.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(j => j.Status, RunStatus.Done)
                    .SetProperty(j => j.Progress, 1)
                    .SetProperty(j => j.ProgressMessage, message)
                    .SetProperty(j => j.FinishedAt, now);
                result(s);
            }, cancellationToken) == 1;
    }

    public async Task EndAsync(int id, JobOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Status is not (RunStatus.Interrupted or RunStatus.Cancelled or RunStatus.Failed))
        {
            throw new ArgumentException($"A job ends as Interrupted, Cancelled or Failed, not {outcome.Status}; Done goes through CompleteAsync.", nameof(outcome));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Set<TEntity>().Where(j => j.Id == id && j.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, outcome.Status)
                .SetProperty(j => j.ProgressMessage, outcome.Message)
                .SetProperty(j => j.Error, outcome.Error)
                .SetProperty(j => j.FinishedAt, outcome.Status == RunStatus.Interrupted ? null : now), cancellationToken);
    }

    public async Task<bool> CancelPendingAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Set<TEntity>()
            .Where(j => j.Id == id && (j.Status == RunStatus.Queued || j.Status == RunStatus.Interrupted))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, RunStatus.Cancelled)
                .SetProperty(j => j.ProgressMessage, "Cancelled before it started.")
                .SetProperty(j => j.FinishedAt, now), cancellationToken) == 1;
    }
}
