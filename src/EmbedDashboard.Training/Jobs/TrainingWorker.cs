using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// Runs training jobs one at a time (each uses both cores), off the request threads. A failed job is
/// logged and marked Failed with its message; the worker goes on with the next. Jobs left unfinished
/// by a stop are queued again at start.
/// </summary>
public sealed class TrainingWorker(TrainingQueue queue, TrainingJobExecutor executor, TrainingJobStore jobs, TrainingProgressHub hub, ILogger<TrainingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var id in await jobs.RecoverAsync(stoppingToken)) await queue.EnqueueAsync(id, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not re-queue unfinished training jobs.");
        }

        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            await RunOneAsync(id, stoppingToken);
        }
    }

    /// <summary>Runs one job to its end state (the worker's loop, and `embeddash train` in the foreground).</summary>
    public async Task RunOneAsync(int id, CancellationToken stoppingToken)
    {
        var job = await jobs.GetAsync(id, stoppingToken);
        if (job is null || job.Status is RunStatus.Done or RunStatus.Cancelled) return;
        using var source = queue.Started(id, stoppingToken);
        try
        {
            await executor.ExecuteAsync(id, source.Token);
            await Finish(id, RunStatus.Done, null, "Done");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await Finish(id, RunStatus.Interrupted, null, "Interrupted by a shutdown; started again at the next start.");
        }
        catch (OperationCanceledException)
        {
            await Finish(id, RunStatus.Cancelled, null, "Cancelled; nothing was saved.");
        }
        catch (Exception ex)
        {
            var message = ex is TrainingInputException or ArgumentException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            logger.LogError(ex, "Training job {JobId} failed.", id);
            await Finish(id, RunStatus.Failed, message, "Failed");
        }
        finally
        {
            queue.Finished(id);
        }
    }

    private async Task Finish(int id, RunStatus status, string? error, string message)
    {
        await jobs.MarkFinishedAsync(id, status, error, message, CancellationToken.None);
        hub.Publish(new TrainingUpdate(id, status, status == RunStatus.Done ? 1 : 0, error ?? message, [], 0));
    }
}
