using System.Collections.Concurrent;
using System.Threading.Channels;

namespace EmbedDashboard.Core.Messaging;

/// <summary>
/// Bounded queue of job ids for one background worker, plus the cancellation sources of the jobs
/// running now, so a Cancel button reaches them. The database stays the source of truth: a job is
/// stored before its id is queued, so a restart loses nothing.
/// </summary>
public class CancellableQueue(int capacity = 256)
{
    private readonly Channel<int> _channel = Channel.CreateBounded<int>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public ValueTask EnqueueAsync(int id, CancellationToken cancellationToken = default) => _channel.Writer.WriteAsync(id, cancellationToken);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Registers a starting job; its token is cancelled by <see cref="Cancel"/> or when the worker stops.</summary>
    public CancellationTokenSource Started(int id, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[id] = source;
        return source;
    }

    public void Finished(int id)
    {
        if (_running.TryRemove(id, out var source)) source.Dispose();
    }

    /// <summary>True when the job was running and has been signalled.</summary>
    public bool Cancel(int id)
    {
        if (!_running.TryGetValue(id, out var source)) return false;
        source.Cancel();
        return true;
    }
}
