using EmbedDashboard.Core.Jobs;

namespace EmbedDashboard.Data.Entities;

/// <summary>The columns every job table has (runs, training jobs, projections), so one ledger changes them all alike.</summary>
public interface IJobRow
{
    int Id { get; }
    RunStatus Status { get; set; }
    double Progress { get; set; }
    string? ProgressMessage { get; set; }
    string? Error { get; set; }

    /// <summary>How many times a worker has claimed the job (a retry or a resume after a stop adds one).</summary>
    int Attempts { get; set; }

    DateTimeOffset? StartedAt { get; set; }
    DateTimeOffset? FinishedAt { get; set; }
}
