using EmbedDashboard.Core.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbedDashboard.Core.Tests.Jobs;

public sealed class JobWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Enqueue_FarMoreThanAnyCapacity_NeverBlocks()
    {
        var queue = new JobQueue();

        // An experiment with thousands of runs: every enqueue returns at once (the old bounded queue blocked at 64).
        for (var i = 0; i < 10_000; i++) queue.Enqueue(JobKind.Run, i);
        queue.Enqueue(JobKind.Training, 1);

        Assert.True(queue.ReadAllAsync(JobKind.Training, CancellationToken.None).GetAsyncEnumerator().MoveNextAsync().IsCompleted);
    }

    [Fact]
    public async Task StartAsync_JobsLeftByTheLastStop_RecoveredAndRun()
    {
        var handler = new FakeHandler(JobKind.Projection);
        var ledger = new FakeLedger(JobKind.Projection);
        ledger.Queued(3, 4);
        ledger.ToRecover.AddRange([3, 4]);
        var (runner, queue, _) = JobTestHost.Create(handler, ledger);
        using var worker = new JobWorker(runner, queue, NullLogger<JobWorker>.Instance);
        handler.Release();

        await worker.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + Timeout;
        while (ledger.Completed.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal([3, 4], handler.Executed.Order());
        Assert.Equal(RunStatus.Done, ledger.Status[3]);
        Assert.Equal(RunStatus.Done, ledger.Status[4]);
    }

    [Fact]
    public async Task Lane_SameIdQueuedTwice_RunsOnce()
    {
        var handler = new FakeHandler();
        var ledger = new FakeLedger().Queued(1, 2);
        var (runner, queue, _) = JobTestHost.Create(handler, ledger);
        using var worker = new JobWorker(runner, queue, NullLogger<JobWorker>.Instance);
        handler.Release();
        queue.Enqueue(JobKind.Run, 1);
        queue.Enqueue(JobKind.Run, 1);
        queue.Enqueue(JobKind.Run, 2);

        await worker.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + Timeout;
        while (ledger.Completed.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await worker.StopAsync(CancellationToken.None);

        // The claim is atomic, so the duplicate id is skipped rather than run again.
        Assert.Equal([1, 2], handler.Executed.Order());
    }

    [Fact]
    public async Task StartAsync_JobQueuedWhileRecoveryIsSlow_ClaimedOnlyAfterRecovery()
    {
        var handler = new FakeHandler(JobKind.Training);
        var ledger = new FakeLedger(JobKind.Training).Queued(1);
        ledger.RecoverDelay = TimeSpan.FromMilliseconds(300);
        var (runner, queue, _) = JobTestHost.Create(handler, ledger);
        using var worker = new JobWorker(runner, queue, NullLogger<JobWorker>.Instance);
        handler.Release();
        queue.Enqueue(JobKind.Training, 1);

        await worker.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + Timeout;
        while (ledger.Completed.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(20);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(RunStatus.Done, ledger.Status[1]);
        Assert.Equal(0, ledger.ClaimsDuringRecovery);
    }
}
