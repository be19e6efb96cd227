using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Specs;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Runner.Execution;

/// <summary>
/// Runs in the job framework: the run's (dataset, embedder) pair under its experiment's options, measured and
/// recorded by <see cref="RunExecutor"/>; the framework stores the result or the outcome.
/// </summary>
public sealed class RunJobHandler(RunStore runs, ExperimentStore experiments, RunExecutor executor, IOptions<RunnerOptions> options) : IJobHandler
{
    public JobKind Kind => JobKind.Run;

    public int Workers => options.Value.Workers;

    public async Task<JobCompletion> ExecuteAsync(JobContext job, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(job.Id, cancellationToken) ?? throw new InvalidOperationException($"Run {job.Id} vanished.");
        var experiment = await experiments.GetAsync(run.ExperimentId, cancellationToken)
            ?? throw new InvalidOperationException($"Experiment {run.ExperimentId} no longer exists.");
        var result = await executor.ExecuteAsync(run, ExperimentService.ParseSpec(experiment.SpecJson).Options, job.Progress, cancellationToken);
        return new RunCompletion(result.Notes, result.Metrics, RunExecutor.ToJson(result.Repro), RunExecutor.ToJson(result.Efficiency), result.Items);
    }

    // Evaluators and the registry phrase their refusals for the user already.
    public string Explain(Exception exception) => exception.Message;
}
