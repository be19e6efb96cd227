using EmbedDashboard.Data.Entities;

namespace EmbedDashboard.Runner.Progress;

public sealed record RunProgressUpdate(int RunId, int ExperimentId, RunStatus Status, double Progress, string? Message, TimeSpan? Eta);

/// <summary>
/// Run updates from the workers to the pages. Updates are already throttled by
/// <see cref="ThrottledRunProgress"/>, so subscribers can render each one.
/// </summary>
public sealed class RunProgressHub : Core.Messaging.Broadcaster<RunProgressUpdate>;
