using System.Collections.Concurrent;
using EmbedDashboard.Core.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmbedDashboard.Core.Tests.Jobs;

/// <summary>An in-memory ledger that keeps the framework's rules (claim only a waiting job, save only a running one) and records every call.</summary>
public sealed class FakeLedger(JobKind kind = JobKind.Run) : IJobLedger
{
    private readonly Lock _gate = new();
    private int _saving;

    public ConcurrentDictionary<int, RunStatus> Status { get; } = new();
    public ConcurrentQueue<JobProgressSnapshot> Saved { get; } = new();
    public ConcurrentDictionary<int, JobCompletion> Completed { get; } = new();
    public ConcurrentDictionary<int, JobOutcome> Ended { get; } = new();
    public List<int> ToRecover { get; } = [];

    /// <summary>Each save waits this long, so overlapping saves would be seen.</summary>
    public TimeSpan SaveDelay { get; set; }

    public int MaxConcurrentSaves { get; private set; }

    public JobKind Kind => kind;

    public FakeLedger Queued(params int[] ids)
    {
        foreach (var id in ids) Status[id] = RunStatus.Queued;
        return this;
    }

    /// <summary>Recovery waits this long, as on a database busy with the built-in datasets' import.</summary>
    public TimeSpan RecoverDelay { get; set; }

    /// <summary>Claims made while recovery was still going (each one a job that recovery could turn Interrupted under a worker).</summary>
    public int ClaimsDuringRecovery { get; private set; }

    private bool _recovering;

    public async Task<IReadOnlyList<int>> RecoverAsync(CancellationToken cancellationToken)
    {
        _recovering = true;
        if (RecoverDelay > TimeSpan.Zero) await Task.Delay(RecoverDelay, cancellationToken);
        _recovering = false;
        return ToRecover.ToList();
    }

    public Task<bool> TryClaimAsync(int id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_recovering) ClaimsDuringRecovery++;
            if (!Status.TryGetValue(id, out var s) || !s.IsPending()) return Task.FromResult(false);
            Status[id] = RunStatus.Running;
            return Task.FromResult(true);
        }
    }

    public Task<int?> GroupOfAsync(int id, CancellationToken cancellationToken) => Task.FromResult<int?>(100 + id);

    public async Task SaveProgressAsync(int id, JobProgressSnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _saving);
        lock (_gate) MaxConcurrentSaves = Math.Max(MaxConcurrentSaves, now);
        if (SaveDelay > TimeSpan.Zero) await Task.Delay(SaveDelay, cancellationToken);
        if (Status.GetValueOrDefault(id) == RunStatus.Running) Saved.Enqueue(snapshot);
        Interlocked.Decrement(ref _saving);
    }

    public Task<bool> CompleteAsync(int id, JobCompletion completion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Status.GetValueOrDefault(id) != RunStatus.Running) return Task.FromResult(false);
            Status[id] = RunStatus.Done;
            Completed[id] = completion;
            return Task.FromResult(true);
        }
    }

    public Task EndAsync(int id, JobOutcome outcome, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Status.GetValueOrDefault(id) == RunStatus.Running)
            {
                Status[id] = outcome.Status;
                Ended[id] = outcome;
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> CancelPendingAsync(int id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!Status.TryGetValue(id, out var s) || !s.IsPending()) return Task.FromResult(false);
            Status[id] = RunStatus.Cancelled;
            return Task.FromResult(true);
        }
    }
}

/// <summary>A handler whose work the test steers: it reports, then waits for <see cref="Release"/>, then does what it is told.</summary>
public sealed class FakeHandler(JobKind kind = JobKind.Run) : IJobHandler
{
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JobKind Kind => kind;

    public int Workers { get; set; } = 1;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? FailWith { get; set; }

    /// <summary>Ignore the token after the release: a last batch that finishes although a cancel came.</summary>
    public bool IgnoreCancellation { get; set; }

    public ConcurrentQueue<int> Executed { get; } = new();

    public void Release() => _release.TrySetResult();

    public void Block() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<JobCompletion> ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        Executed.Enqueue(job.Id);
        job.Progress.Report(0.5, "halfway", force: true);
        Started.TrySetResult();
        if (IgnoreCancellation) await _release.Task;
        else await _release.Task.WaitAsync(cancellationToken);
        if (FailWith is { } message) throw new InvalidDataException(message);
        return new JobCompletion($"done {job.Id}");
    }

    public string Explain(Exception exception) => $"explained: {exception.Message}";
}

public static class JobTestHost
{
    public static (JobRunner Runner, JobQueue Queue, JobHub Hub) Create(FakeHandler handler, FakeLedger ledger)
    {
        var queue = new JobQueue();
        var hub = new JobHub();
        return (new JobRunner([handler], [ledger], queue, hub, NullLogger<JobRunner>.Instance), queue, hub);
    }
}
