using System.Collections.Concurrent;
using System.Threading.Channels;
using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Runner.Projections;

public sealed record ProjectionUpdate(int ProjectionId, RunStatus Status, double Progress, string? Message);

/// <summary>Projection ids waiting for the worker, the running ones' cancellation, and the updates pages listen to.</summary>
public sealed class ProjectionQueue
{
    private readonly Channel<int> _channel = Channel.CreateBounded<int>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();
    private readonly Core.Messaging.Broadcaster<ProjectionUpdate> _updates = new();

    public ValueTask EnqueueAsync(int id, CancellationToken cancellationToken = default) => _channel.Writer.WriteAsync(id, cancellationToken);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

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

    public bool Cancel(int id)
    {
        if (!_running.TryGetValue(id, out var source)) return false;
        source.Cancel();
        return true;
    }

    public IDisposable Subscribe(Action<ProjectionUpdate> handler) => _updates.Subscribe(handler);

    public void Publish(ProjectionUpdate update) => _updates.Publish(update);
}
