using System.Collections.Concurrent;
using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Runner.Progress;

public sealed record RunProgressUpdate(int RunId, int ExperimentId, RunStatus Status, double Progress, string? Message, TimeSpan? Eta);

/// <summary>
/// Services push run updates here; pages subscribe and dispose their subscription. Updates are
/// already throttled by <see cref="ThrottledRunProgress"/>, so subscribers can render each one.
/// </summary>
public sealed class RunProgressHub
{
    private readonly ConcurrentDictionary<Guid, Action<RunProgressUpdate>> _subscribers = new();

    public IDisposable Subscribe(Action<RunProgressUpdate> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public void Publish(RunProgressUpdate update)
    {
        foreach (var handler in _subscribers.Values)
        {
            // A failing page must not stop the runner or the other pages.
            try
            {
                handler(update);
            }
            catch (Exception)
            {
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
