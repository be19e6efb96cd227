namespace EmbedDashboard.Core.Jobs;

/// <summary>What a job's last progress report said; saved so a page opened later (or after a restart) shows it.</summary>
public sealed record JobProgressSnapshot(double Fraction, string? Message, string? DetailJson = null);

/// <summary>How one job ended; <see cref="Error"/> is set for Failed.</summary>
public sealed record JobOutcome(RunStatus Status, string? Message, string? Error = null);

/// <summary>
/// What a handler hands back when its work is done: the message to show, and for kinds with results a subclass that
/// the kind's ledger stores together with the Done status, in one transaction.
/// </summary>
public record JobCompletion(string? Message);

/// <summary>
/// How the framework reads and changes one kind's jobs in the database. Every method is one short transaction and
/// changes a job only from the states it names, so two workers, a page's Cancel and a stop cannot overwrite each other.
/// </summary>
public interface IJobLedger
{
    JobKind Kind { get; }

    /// <summary>At start: jobs left Running by a stop become Interrupted; returns the ids to run again (queued and interrupted), oldest first.</summary>
    Task<IReadOnlyList<int>> RecoverAsync(CancellationToken cancellationToken);

    /// <summary>Queued/Interrupted → Running in one statement; false when the job is not waiting (cancelled, done, or claimed by another worker).</summary>
    Task<bool> TryClaimAsync(int id, CancellationToken cancellationToken);

    /// <summary>What a page groups the job under (a run's experiment); null for kinds without groups.</summary>
    Task<int?> GroupOfAsync(int id, CancellationToken cancellationToken);

    /// <summary>Saves progress while the job is Running (never after it ended).</summary>
    Task SaveProgressAsync(int id, JobProgressSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Stores the result and Done while the job is still Running; false when the user's cancel came first.</summary>
    Task<bool> CompleteAsync(int id, JobCompletion completion, CancellationToken cancellationToken);

    /// <summary>Running → Interrupted, Cancelled or Failed.</summary>
    Task EndAsync(int id, JobOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Queued/Interrupted → Cancelled (a job not running here); false when it was not waiting.</summary>
    Task<bool> CancelPendingAsync(int id, CancellationToken cancellationToken);
}
