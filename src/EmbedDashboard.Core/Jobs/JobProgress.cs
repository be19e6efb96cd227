using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EmbedDashboard.Core.Jobs;

/// <summary>
/// What only one kind adds to its progress: a training job's loss points. <see cref="TakeForPage"/> is asked at
/// each page update (and hands over what is new since the last one); <see cref="ForStore"/> at each save.
/// </summary>
public abstract class JobProgressDetail
{
    public abstract object? TakeForPage();

    public abstract string? ForStore();
}

/// <summary>
/// The one progress writer of every job. It takes every tick of the work and passes on at most four a second to
/// the pages (with an ETA from the rate so far) and one every two seconds to the database. Saves run one at a time
/// off the reporting thread, the latest waiting one replacing older ones, and <see cref="FlushAsync"/> awaits them
/// and saves the last report — so no write is lost, none races the job's final state, and none is left running
/// when the job ends.
/// </summary>
public sealed class JobProgress : IProgress<(double Fraction, string Message)>
{
    public static readonly TimeSpan PageInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan StoreInterval = TimeSpan.FromSeconds(2);

    private readonly JobKey _job;
    private readonly int? _group;
    private readonly JobHub _hub;
    private readonly IJobLedger _ledger;
    private readonly ILogger? _logger;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan? _lastPage, _lastStore;
    private JobProgressSnapshot? _latest, _unsaved;
    private bool _latestQueued, _writing;
    private Task _writer = Task.CompletedTask;

    public JobProgress(JobKey job, int? group, JobHub hub, IJobLedger ledger, ILogger? logger = null)
    {
        _job = job;
        _group = group;
        _hub = hub;
        _ledger = ledger;
        _logger = logger;
    }

    /// <summary>Set by a handler whose kind reports more than a fraction and a message.</summary>
    public JobProgressDetail? Detail { get; set; }

    public double LastFraction { get; private set; }

    public void Report((double Fraction, string Message) value) => Report(value.Fraction, value.Message);

    public void Report(double fraction, string? message, bool force = false)
    {
        fraction = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1);
        var now = _watch.Elapsed;
        bool publish, persist;
        lock (_gate)
        {
            LastFraction = fraction;
            publish = force || _lastPage is not { } page || now - page >= PageInterval;
            persist = force || _lastStore is not { } store || now - store >= StoreInterval;
            if (publish) _lastPage = now;
            if (persist) _lastStore = now;
        }

        if (publish)
        {
            _hub.Publish(new JobUpdate(_job, RunStatus.Running, fraction, message, Eta(fraction, now)) { GroupId = _group, Detail = Detail?.TakeForPage() });
        }

        var snapshot = new JobProgressSnapshot(fraction, message, persist ? Detail?.ForStore() : null);
        lock (_gate)
        {
            _latest = snapshot;
            _latestQueued = persist;
            if (persist) QueueSave(snapshot);
        }
    }

    /// <summary>Saves the last report if it was not saved yet and waits until every save has finished.</summary>
    public async Task FlushAsync()
    {
        lock (_gate)
        {
            if (_latest is { } latest && !_latestQueued)
            {
                QueueSave(latest with { DetailJson = Detail?.ForStore() });
                _latestQueued = true;
            }
        }

        while (true)
        {
            Task writer;
            lock (_gate)
            {
                if (!_writing) return;
                writer = _writer;
            }

            await writer;
        }
    }

    public static TimeSpan? Eta(double fraction, TimeSpan elapsed) =>
        fraction is > 0.02 and < 1 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : null;

    // Called under _gate.
    private void QueueSave(JobProgressSnapshot snapshot)
    {
        _unsaved = snapshot;
        if (_writing) return;
        _writing = true;
        _writer = Task.Run(WriteLoopAsync);
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            JobProgressSnapshot next;
            lock (_gate)
            {
                if (_unsaved is null)
                {
                    _writing = false;
                    return;
                }

                next = _unsaved;
                _unsaved = null;
            }

            try
            {
                await _ledger.SaveProgressAsync(_job.Id, next, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Progress only serves pages opened later; the job itself must go on (a later save or the flush
                // usually carries the same state).
                _logger?.LogWarning(ex, "Could not save the progress of {Job}.", _job);
            }
        }
    }
}
