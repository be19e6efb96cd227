namespace EmbedDashboard.Core.Jobs;

/// <summary>Where a background job (a run, a training job, a projection) stands; one ladder for all of them.</summary>
public enum RunStatus
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,

    /// <summary>The app stopped while the job was going; it is queued again at start-up.</summary>
    Interrupted,
}

public static class RunStatusExtensions
{
    /// <summary>Waiting for a worker: queued, or interrupted by a stop and queued again at start.</summary>
    public static bool IsPending(this RunStatus status) => status is RunStatus.Queued or RunStatus.Interrupted;
}
