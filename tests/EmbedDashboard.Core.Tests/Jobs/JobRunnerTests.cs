using System.Collections.Concurrent;
using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Core.Tests.Jobs;

/// <summary>The one outcome ladder, with a fake ledger and handler: the same for runs, training jobs and projections.</summary>
public sealed class JobRunnerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly JobKey Job = new(JobKind.Run, 1);

    [Fact]
    public async Task RunOneAsync_WorkFinishes_DoneStoredAndLastUpdateIsDone()
    {
        var (handler, ledger) = (new FakeHandler(), new FakeLedger().Queued(1));
        var (runner, _, hub) = JobTestHost.Create(handler, ledger);
        var updates = new ConcurrentQueue<JobUpdate>();
        using var _ = hub.Subscribe(JobKind.Run, updates.Enqueue);
        handler.Release();

        Assert.Equal(RunStatus.Done, await runner.RunOneAsync(Job, CancellationToken.None));

        Assert.Equal(RunStatus.Done, ledger.Status[1]);
        Assert.Equal("done 1", ledger.Completed[1].Message);
        var last = updates.Last();
        Assert.Equal((RunStatus.Done, 1.0, "done 1", 101), (last.Status, last.Progress, last.Message, last.GroupId));
        Assert.Contains(updates, u => u.Status == RunStatus.Running && u.Progress == 0.5);
    }

    [Fact]
    public async Task RunOneAsync_NotWaiting_NullAndNothingRuns()
    {
        var (handler, ledger) = (new FakeHandler(), new FakeLedger().Queued(1));
        var (runner, _, _) = JobTestHost.Create(handler, ledger);
        await ledger.CancelPendingAsync(1, CancellationToken.None);

        Assert.Null(await runner.RunOneAsync(Job, CancellationToken.None));

        Assert.Empty(handler.Executed);
    }

    [Fact]
    public async Task CancelAsync_WhileRunning_CancelledAndNothingCompleted()
    {
        var (handler, ledger) = (new FakeHandler(), new FakeLedger().Queued(1));
        var (runner, _, _) = JobTestHost.Create(handler, ledger);
        var running = runner.RunOneAsync(Job, CancellationToken.None);
        await handler.Started.Task.WaitAsync(Timeout);

        Assert.True(await runner.CancelAsync(Job));

        Assert.Equal(RunStatus.Cancelled, await running.WaitAsync(Timeout));
        Assert.Equal(RunStatus.Cancelled, ledger.Status[1]);
        Assert.Empty(ledger.Completed);
    }

    [Fact]
    public async Task CancelAsync_LastBatchFinishesAnyway_CancelWins()
    {
        var (handler, ledger) = (new FakeHandler { IgnoreCancellation = true }, new FakeLedger().Queued(1));
        var (runner, _, _) = JobTestHost.Create(handler, ledger);
        var running = runner.RunOneAsync(Job, CancellationToken.None);
        await handler.Started.Task.WaitAsync(Timeout);

        await runner.CancelAsync(Job);
        handler.Release();

        Assert.Equal(RunStatus.Cancelled, await running.WaitAsync(Timeout));
        Assert.Empty(ledger.Completed);
    }

    [Fact]
    public async Task CancelAsync_Queued_CancelledBeforeItStarts()
    {
        var (handler, ledger) = (new FakeHandler(), new FakeLedger().Queued(1));
        var (runner, _, _) = JobTestHost.Create(handler, ledger);

        Assert.True(await runner.CancelAsync(Job));

        Assert.Equal(RunStatus.Cancelled, ledger.Status[1]);
        Assert.Null(await runner.RunOneAsync(Job, CancellationToken.None));
    }

    [Fact]
    public async Task RunOneAsync_AppStops_InterruptedAndClaimableAgain()
    {
        var (handler, ledger) = (new FakeHandler(), new FakeLedger().Queued(1));
        var (runner, _, _) = JobTestHost.Create(handler, ledger);
        using var stopping = new CancellationTokenSource();
        var running = runner.RunOneAsync(Job, stopping.Token);
        await handler.Started.Task.WaitAsync(Timeout);

        await stopping.CancelAsync();

        Assert.Equal(RunStatus.Interrupted, await running.WaitAsync(Timeout));
        Assert.Equal(RunStatus.Interrupted, ledger.Status[1]);
        handler.Release();
        Assert.Equal(RunStatus.Done, await runner.RunOneAsync(Job, CancellationToken.None));
    }

    [Fact]
    public async Task RunOneAsync_HandlerThrows_FailedWithTheHandlersExplanation()
    {
        var (handler, ledger) = (new FakeHandler { FailWith = "probe diverged" }, new FakeLedger().Queued(1));
        var (runner, _, _) = JobTestHost.Create(handler, ledger);
        handler.Release();

        Assert.Equal(RunStatus.Failed, await runner.RunOneAsync(Job, CancellationToken.None));

        Assert.Equal("explained: probe diverged", ledger.Ended[1].Error);
    }

    [Fact]
    public async Task RunOneAsync_AnyOutcome_ProgressSavedBeforeTheEnd()
    {
        var (handler, ledger) = (new FakeHandler { FailWith = "x" }, new FakeLedger().Queued(1));
        ledger.SaveDelay = TimeSpan.FromMilliseconds(50);
        var (runner, _, _) = JobTestHost.Create(handler, ledger);
        handler.Release();

        await runner.RunOneAsync(Job, CancellationToken.None);

        // The save of "halfway" was awaited before the job ended, so it landed while the job was still running.
        Assert.Contains(ledger.Saved, s => s.Message == "halfway");
    }
}
