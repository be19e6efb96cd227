using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Core.Jobs;

/// <summary>
/// The one background worker: at start it recovers every kind's unfinished jobs (Running → Interrupted, then
/// queued again with the waiting ones), then runs each kind's lane with as many workers as its handler asks for.
/// A failed job is stored as Failed and the lane goes on with the next.
/// </summary>
public sealed class JobWorker(JobRunner runner, JobQueue queue, ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Recovery first, lanes after: a lane that claimed a new job while recovery was still waiting for the
        // database would see that job turned Interrupted under it and run it twice.
        foreach (var handler in runner.Handlers)
        {
            try
            {
                var pending = await runner.Ledger(handler.Kind).RecoverAsync(stoppingToken);
                if (pending.Count > 0) logger.LogInformation("Resuming {Count} {Kind} job(s) left queued or interrupted by the last stop.", pending.Count, handler.Kind);
                foreach (var id in pending) queue.Enqueue(handler.Kind, id);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not recover unfinished {Kind} jobs.", handler.Kind);
            }
        }

        var lanes = runner.Handlers.SelectMany(h => Enumerable.Range(0, Math.Max(1, h.Workers)).Select(_ => LaneAsync(h.Kind, stoppingToken))).ToList();
        await Task.WhenAll(lanes);
    }

    private async Task LaneAsync(JobKind kind, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.ReadAllAsync(kind, stoppingToken))
            {
                try
                {
                    await runner.RunOneAsync(new JobKey(kind, id), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The ledger itself failed (database gone?): keep the lane alive for the next job.
                    logger.LogError(ex, "{Kind} job {Id} could not be run.", kind, id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
