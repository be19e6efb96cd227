namespace EmbedDashboard.Core.Jobs;

/// <summary>
/// The work of one kind of job, the only part that differs between kinds: the framework claims the job, gives the
/// handler a progress writer and a token (cancelled by the user's Cancel or by a stop), and turns what happens into
/// Done, Cancelled, Interrupted or Failed.
/// </summary>
public interface IJobHandler
{
    JobKind Kind { get; }

    /// <summary>How many jobs of this kind run at once (training uses both cores, so one).</summary>
    int Workers => 1;

    Task<JobCompletion> ExecuteAsync(JobContext job, CancellationToken cancellationToken);

    /// <summary>The failure as the user should read it: the message of a refusal in their terms, the type and message otherwise.</summary>
    string Explain(Exception exception) =>
        exception is JobInputException or ArgumentException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
}

/// <summary>A job's input cannot be used (a dataset without a test split, too few points…); the message says why, in the user's terms.</summary>
public class JobInputException(string message) : Exception(message);

/// <summary>The claimed job as its handler sees it.</summary>
public sealed record JobContext(JobKey Job, int? GroupId, JobProgress Progress)
{
    public int Id => Job.Id;
}
