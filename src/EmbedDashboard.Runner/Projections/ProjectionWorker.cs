using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Runner.Projections;

/// <summary>Computes queued projections one at a time off the request threads; a failure is logged, stored and shown, and the next goes on.</summary>
public sealed class ProjectionWorker(ProjectionQueue queue, ProjectionComputer computer, ProjectionStore store, ILogger<ProjectionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.MarkUnfinishedInterruptedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not mark unfinished projections.");
        }

        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            await RunOneAsync(id, stoppingToken);
        }
    }

    public async Task RunOneAsync(int id, CancellationToken stoppingToken)
    {
        var current = await store.GetAsync(id, withPoints: false, stoppingToken);
        if (current is null || current.Status != RunStatus.Queued) return;
        using var source = queue.Started(id, stoppingToken);
        await store.UpdateAsync(id, p => p.Status = RunStatus.Running, stoppingToken);
        RunStatus status;
        string? error = null;
        try
        {
            await computer.ComputeAsync(id, source.Token);
            status = RunStatus.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status = RunStatus.Interrupted;
        }
        catch (OperationCanceledException)
        {
            status = RunStatus.Cancelled;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Projection {ProjectionId} failed.", id);
            status = RunStatus.Failed;
            error = ex is ProjectionRequestException or ArgumentException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            queue.Finished(id);
        }

        var message = status switch { RunStatus.Done => "Done", RunStatus.Cancelled => "Cancelled", RunStatus.Interrupted => "Interrupted by a shutdown", _ => error };
        await store.UpdateAsync(id, p =>
        {
            p.Status = status;
            p.Error = error;
            p.ProgressMessage = message;
            p.Progress = status == RunStatus.Done ? 1 : p.Progress;
            p.FinishedAt = DateTimeOffset.UtcNow;
        }, CancellationToken.None);
        queue.Publish(new ProjectionUpdate(id, status, status == RunStatus.Done ? 1 : 0, message));
    }
}
