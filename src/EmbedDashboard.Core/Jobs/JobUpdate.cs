namespace EmbedDashboard.Core.Jobs;

/// <summary>
/// A job's state as pushed to pages. <see cref="GroupId"/> ties it to what a page shows (a run's experiment);
/// <see cref="Detail"/> carries what only one kind has (a training job's new loss points).
/// </summary>
public sealed record JobUpdate(JobKey Job, RunStatus Status, double Progress, string? Message, TimeSpan? Eta = null)
{
    public int? GroupId { get; init; }

    public object? Detail { get; init; }

    public JobKind Kind => Job.Kind;

    public int Id => Job.Id;
}

/// <summary>
/// The one broadcaster of job updates, from every worker to every page. Updates are throttled by
/// <see cref="JobProgress"/>, so subscribers can render each one; a page subscribes to the kind it shows.
/// </summary>
public sealed class JobHub : Messaging.Broadcaster<JobUpdate>
{
    public IDisposable Subscribe(JobKind kind, Action<JobUpdate> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Subscribe(update =>
        {
            if (update.Kind == kind) handler(update);
        });
    }
}
