using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Progress;
using EmbedDashboard.Runner.Queue;
using EmbedDashboard.Runner.Specs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Runner.Execution;

/// <summary>
/// Background workers over the bounded queue. A failed run is logged and stored as Failed; the
/// worker goes on with the next. At start, runs left Queued or Interrupted by a stop are queued again.
/// </summary>
public sealed class RunWorker(
    RunQueue queue,
    RunProcessor processor,
    RunStore store,
    IOptions<RunnerOptions> options,
    ILogger<RunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, options.Value.Workers).Select(_ => WorkAsync(stoppingToken)).ToList();
        try
        {
            var pending = await store.PendingIdsAsync(stoppingToken);
            if (pending.Count > 0)
            {
                logger.LogInformation("Resuming {Count} run(s) left queued or interrupted by the last stop.", pending.Count);
            }

            foreach (var id in pending)
            {
                await queue.EnqueueAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var runId in queue.ReadAllAsync(stoppingToken))
            {
                await processor.ProcessAsync(runId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Claims, executes and stores one run; shared by the background workers and the CLI.</summary>
public sealed class RunProcessor(
    RunStore store,
    ExperimentService experiments,
    RunExecutor executor,
    RunCancellations cancellations,
    RunProgressHub hub,
    ILogger<RunProcessor> logger)
{
    public async Task<RunStatus> ProcessAsync(int runId, CancellationToken stoppingToken)
    {
        if (!await store.TryStartAsync(runId, stoppingToken))
        {
            return RunStatus.Cancelled;
        }

        var run = await store.GetAsync(runId, stoppingToken) ?? throw new InvalidOperationException($"Run {runId} vanished.");
        var runOptions = await experiments.OptionsAsync(run.ExperimentId, stoppingToken);
        hub.Publish(new RunProgressUpdate(runId, run.ExperimentId, RunStatus.Running, 0, "Starting", null));
        var source = cancellations.Register(runId, stoppingToken);
        try
        {
            var progress = new ThrottledRunProgress(runId, run.ExperimentId, hub, store);
            var result = await executor.ExecuteAsync(run, runOptions, progress, source.Token);

            // Stored even while the app is stopping: a finished result is never thrown away.
            if (!await store.CompleteAsync(runId, result.Metrics, RunExecutor.ToJson(result.Repro), RunExecutor.ToJson(result.Efficiency), result.Notes, CancellationToken.None))
            {
                hub.Publish(new RunProgressUpdate(runId, run.ExperimentId, RunStatus.Cancelled, 1, "Cancelled by the user.", null));
                return RunStatus.Cancelled;
            }

            hub.Publish(new RunProgressUpdate(runId, run.ExperimentId, RunStatus.Done, 1, result.Notes, null));
            return RunStatus.Done;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.MarkInterruptedAsync(runId, CancellationToken.None);
            logger.LogInformation("Run {RunId} interrupted by shutdown; it resumes at the next start.", runId);
            return RunStatus.Interrupted;
        }
        catch (OperationCanceledException)
        {
            await store.CancelAsync(runId, CancellationToken.None);
            hub.Publish(new RunProgressUpdate(runId, run.ExperimentId, RunStatus.Cancelled, run.Progress, "Cancelled by the user.", null));
            return RunStatus.Cancelled;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} failed.", runId);
            await store.FailAsync(runId, ex.Message, CancellationToken.None);
            hub.Publish(new RunProgressUpdate(runId, run.ExperimentId, RunStatus.Failed, run.Progress, ex.Message, null));
            return RunStatus.Failed;
        }
        finally
        {
            cancellations.Unregister(runId);
        }
    }
}
