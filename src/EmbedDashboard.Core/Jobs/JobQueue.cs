using System.Collections.Concurrent;
using System.Threading.Channels;

namespace EmbedDashboard.Core.Jobs;

/// <summary>
/// The queue of job ids, one unbounded lane per kind (so enqueuing never blocks a page), and the cancellation
/// sources of the jobs running now, so a Cancel button reaches them. The database stays the source of truth: a
/// job is stored before its id is queued and claimed atomically by a worker, so a restart or a duplicate id in a
/// lane loses or repeats nothing.
/// </summary>
public sealed class JobQueue
{
    private readonly ConcurrentDictionary<JobKind, Channel<int>> _lanes = new();
    private readonly ConcurrentDictionary<JobKey, CancellationTokenSource> _running = new();

    public void Enqueue(JobKind kind, int id)
    {
        if (!Lane(kind).Writer.TryWrite(id)) throw new InvalidOperationException($"The {kind} queue is closed.");
    }

    public IAsyncEnumerable<int> ReadAllAsync(JobKind kind, CancellationToken cancellationToken) => Lane(kind).Reader.ReadAllAsync(cancellationToken);

    /// <summary>Registers a starting job; its token is cancelled by <see cref="Cancel"/> or when the app stops.</summary>
    public CancellationTokenSource Started(JobKey job, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[job] = source;
        return source;
    }

    public void Finished(JobKey job)
    {
        if (_running.TryRemove(job, out var source)) source.Dispose();
    }

    /// <summary>True when the job was running here and has been signalled.</summary>
    public bool Cancel(JobKey job)
    {
        if (!_running.TryGetValue(job, out var source)) return false;
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false; // it finished between the lookup and the signal
        }

        return true;
    }

    private Channel<int> Lane(JobKind kind) => _lanes.GetOrAdd(kind, _ => Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false }));
}
