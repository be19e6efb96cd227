using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Runner.Projections;

public sealed record ProjectionUpdate(int ProjectionId, RunStatus Status, double Progress, string? Message);

/// <summary>Projection ids waiting for the worker, the running ones' cancellation, and the updates pages listen to.</summary>
public sealed class ProjectionQueue : Core.Messaging.CancellableQueue
{
    private readonly Core.Messaging.Broadcaster<ProjectionUpdate> _updates = new();

    public IDisposable Subscribe(Action<ProjectionUpdate> handler) => _updates.Subscribe(handler);

    public void Publish(ProjectionUpdate update) => _updates.Publish(update);
}
