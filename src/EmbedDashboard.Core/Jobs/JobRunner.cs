using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Core.Jobs;

/// <summary>
/// Runs one job of any kind to its end state — the one outcome ladder: done and stored (even while the app stops:
/// a finished result is never thrown away), or cancelled by the user, interrupted by a stop (queued again at the
/// next start), or failed with a message in the user's terms. Used by the background worker and by the CLI.
/// </summary>
public sealed class JobRunner
{
    private readonly IReadOnlyDictionary<JobKind, IJobHandler> _handlers;
    private readonly IReadOnlyDictionary<JobKind, IJobLedger> _ledgers;
    private readonly JobQueue _queue;
    private readonly JobHub _hub;
    private readonly ILogger<JobRunner> _logger;

    public JobRunner(IEnumerable<IJobHandler> handlers, IEnumerable<IJobLedger> ledgers, JobQueue queue, JobHub hub, ILogger<JobRunner> logger)
    {
        // The last registration of a kind wins, so a host (or a test) can replace one.
        _handlers = handlers.GroupBy(h => h.Kind).ToDictionary(g => g.Key, g => g.Last());
        _ledgers = ledgers.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Last());
        _queue = queue;
        _hub = hub;
        _logger = logger;
    }

    public IEnumerable<IJobHandler> Handlers => _handlers.Values;

    public IJobLedger Ledger(JobKind kind) => _ledgers.TryGetValue(kind, out var ledger) ? ledger : throw new InvalidOperationException($"No ledger registered for {kind} jobs.");

    /// <summary>Claims and runs the job; null when it was not waiting (cancelled before it started, done, or taken by another worker).</summary>
    public async Task<RunStatus?> RunOneAsync(JobKey job, CancellationToken stopping)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler)) throw new InvalidOperationException($"No handler registered for {job.Kind} jobs.");
        var ledger = Ledger(job.Kind);
        if (!await ledger.TryClaimAsync(job.Id, stopping)) return null;

        var group = await ledger.GroupOfAsync(job.Id, CancellationToken.None);
        var progress = new JobProgress(job, group, _hub, ledger, _logger);
        _hub.Publish(new JobUpdate(job, RunStatus.Running, 0, "Starting") { GroupId = group });
        var source = _queue.Started(job, stopping);
        JobOutcome outcome;
        var stored = false;
        try
        {
            var completion = await handler.ExecuteAsync(new JobContext(job, group, progress), source.Token);

            // The user's cancel wins over a last batch that finished anyway; a stop does not throw a finished result away.
            if (source.IsCancellationRequested && !stopping.IsCancellationRequested) throw new OperationCanceledException(source.Token);
            await progress.FlushAsync();
            stored = await ledger.CompleteAsync(job.Id, completion, CancellationToken.None);
            outcome = stored ? new JobOutcome(RunStatus.Done, completion.Message) : new JobOutcome(RunStatus.Cancelled, "Cancelled by the user.");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _logger.LogInformation("{Job} interrupted by a shutdown; it starts again at the next start.", job);
            outcome = new JobOutcome(RunStatus.Interrupted, "Interrupted by a shutdown; it starts again at the next start.");
        }
        catch (OperationCanceledException) when (source.IsCancellationRequested)
        {
            outcome = new JobOutcome(RunStatus.Cancelled, "Cancelled by the user; nothing was saved.");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "{Job} failed.", job);
            var message = handler.Explain(ex);
            outcome = new JobOutcome(RunStatus.Failed, message, message);
        }
        finally
        {
            _queue.Finished(job); // also disposes the job's token source
        }

        if (!stored)
        {
            await progress.FlushAsync();
            await ledger.EndAsync(job.Id, outcome, CancellationToken.None);
        }

        _hub.Publish(new JobUpdate(job, outcome.Status, outcome.Status == RunStatus.Done ? 1 : progress.LastFraction, outcome.Message) { GroupId = group });
        return outcome.Status;
    }

    /// <summary>Signals the job if it runs here, else cancels it in the database if it is still waiting.</summary>
    public async Task<bool> CancelAsync(JobKey job, CancellationToken cancellationToken = default)
    {
        if (_queue.Cancel(job)) return true;
        var cancelled = await Ledger(job.Kind).CancelPendingAsync(job.Id, cancellationToken);
        if (cancelled) _hub.Publish(new JobUpdate(job, RunStatus.Cancelled, 0, "Cancelled before it started."));
        return cancelled;
    }
}
