using System.Collections.Concurrent;
using System.Threading.Channels;

namespace EmbedDashboard.Training.Jobs;

/// <summary>
/// Bounded queue of training job ids. The database is the source of truth (a job is Queued there
/// before it is written here), so a restart loses nothing: unfinished jobs are queued again at start.
/// </summary>
public sealed class TrainingQueue
{
    private readonly Channel<int> _channel = Channel.CreateBounded<int>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public ValueTask EnqueueAsync(int jobId, CancellationToken cancellationToken = default) => _channel.Writer.WriteAsync(jobId, cancellationToken);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    public CancellationTokenSource Started(int jobId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[jobId] = source;
        return source;
    }

    public void Finished(int jobId)
    {
        if (_running.TryRemove(jobId, out var source)) source.Dispose();
    }

    /// <summary>True when the job was running and has been signalled.</summary>
    public bool Cancel(int jobId)
    {
        if (!_running.TryGetValue(jobId, out var source)) return false;
        source.Cancel();
        return true;
    }
}
