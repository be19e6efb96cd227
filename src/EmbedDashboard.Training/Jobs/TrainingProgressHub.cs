using System.Collections.Concurrent;
using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Training.Jobs;

/// <summary>A job's state as pushed to pages: status, fraction, message, the loss points since the last update, throughput.</summary>
public sealed record TrainingUpdate(int JobId, RunStatus Status, double Progress, string? Message, IReadOnlyList<LossPoint> NewPoints, double ExamplesPerSecond);

/// <summary>Services push training updates here; pages subscribe and dispose their subscription.</summary>
public sealed class TrainingProgressHub
{
    private readonly ConcurrentDictionary<Guid, Action<TrainingUpdate>> _subscribers = new();

    public IDisposable Subscribe(Action<TrainingUpdate> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = handler;
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public void Publish(TrainingUpdate update)
    {
        foreach (var handler in _subscribers.Values)
        {
            // A failing page must not stop training or the other pages.
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
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
