using System.Collections.Concurrent;

namespace EmbedDashboard.Core.Messaging;

/// <summary>
/// Services push updates here; pages subscribe and dispose their subscription. A handler that throws
/// is ignored for that update, so one broken page never stops a worker or the other pages.
/// </summary>
public class Broadcaster<T>
{
    private readonly ConcurrentDictionary<Guid, Action<T>> _subscribers = new();

    public IDisposable Subscribe(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public void Publish(T update)
    {
        foreach (var handler in _subscribers.Values)
        {
            try
            {
                handler(update);
            }
            catch (Exception)
            {
                // See the class comment: the publisher must go on.
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
