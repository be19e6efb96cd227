using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Runner.Specs;

namespace EmbedDashboard.Runner.Tests;

public sealed class RunJobTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunOneAsync_Released_StoresMetricsReproAndEfficiency()
    {
        await using var host = await RunnerHost.StartAsync();
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general");
        host.Task.Release();

        var status = await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, experiment.Runs[0].Id), CancellationToken.None);

        await AssertStatusAsync(host, experiment.Runs[0].Id, RunStatus.Done, status);
        var view = await host.Get<ExperimentQueries>().GetAsync(experiment.Id);
        var run = Assert.Single(view!.Runs);
        Assert.Equal(0.75, run.Primary!.Value);
        Assert.Equal("sha-general", run.Repro!.ModelSha256);
        Assert.Equal("hash", run.Repro.DatasetSha256);
        Assert.Equal(13, run.Repro.SplitSeed);
        Assert.Contains("Microsoft.ML.OnnxRuntime", run.Repro.LibraryVersions.Keys);
        Assert.Equal(3, run.Efficiency!.Texts);
        Assert.True(run.Efficiency.PeakWorkingSetBytes > 0);
    }

    [Fact]
    public async Task CancelRunAsync_WhileRunning_StopsAndRetryCompletes()
    {
        await using var host = await RunnerHost.StartAsync();
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general");
        var runId = experiment.Runs[0].Id;
        var processing = host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, runId), CancellationToken.None);
        await host.Task.Started.WaitAsync(Timeout);

        Assert.True(await host.Get<ExperimentService>().CancelRunAsync(runId));

        Assert.Equal(RunStatus.Cancelled, await processing.WaitAsync(Timeout));
        Assert.Equal(RunStatus.Cancelled, (await host.Get<RunStore>().GetAsync(runId))!.Status);

        // Retry: queued again, then it runs to the end.
        Assert.True(await host.Get<ExperimentService>().RetryRunAsync(runId));
        host.Task.Release();
        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, runId), CancellationToken.None).WaitAsync(Timeout));
    }

    [Fact]
    public async Task RunOneAsync_AppStopsMidRun_InterruptedThenResumedAfterRestart()
    {
        var folder = Directory.CreateTempSubdirectory("embeddash-restart-").FullName;
        int runId;
        await using (var first = await RunnerHost.StartAsync(folder))
        {
            var experiment = await first.CreateExperimentAsync(await first.SeedDatasetAsync(), "general");
            runId = experiment.Runs[0].Id;
            using var stopping = new CancellationTokenSource();
            var processing = first.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, runId), stopping.Token);
            await first.Task.Started.WaitAsync(Timeout);

            stopping.Cancel();

            Assert.Equal(RunStatus.Interrupted, await processing.WaitAsync(Timeout));
        }

        await using var second = await RunnerHost.StartAsync(folder);
        Assert.Contains(runId, await second.Get<RunLedger>().RecoverAsync(CancellationToken.None));
        second.Task.Release();
        Assert.Equal(RunStatus.Done, await second.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, runId), CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(2, (await second.Get<RunStore>().GetAsync(runId))!.Attempts);
    }

    [Fact]
    public async Task RunOneAsync_EvaluatorThrows_FailedWithMessageAndNextRunStillRuns()
    {
        await using var host = await RunnerHost.StartAsync();
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general", "specific");
        host.Task.FailWith = "probe diverged";

        Assert.Equal(RunStatus.Failed, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, experiment.Runs[0].Id), CancellationToken.None));
        Assert.Equal("probe diverged", (await host.Get<RunStore>().GetAsync(experiment.Runs[0].Id))!.Error);

        host.Task.FailWith = null;
        host.Task.Release();
        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, experiment.Runs[1].Id), CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_UnknownEmbedderAndDataset_ListsEveryProblem()
    {
        await using var host = await RunnerHost.StartAsync();

        var ex = await Assert.ThrowsAsync<ExperimentSpecException>(() => host.Get<ExperimentService>().CreateAsync(new ExperimentSpec
        {
            Name = "bad",
            Datasets = ["no-such-dataset"],
            Embedders = ["bert-huge"],
            Options = new RunOptions { Seeds = 0 },
        }));

        Assert.Contains(ex.Problems, p => p.Contains("Unknown dataset 'no-such-dataset'"));
        Assert.Contains(ex.Problems, p => p.Contains("Unknown embedder 'bert-huge'") && p.Contains("general"));
        Assert.Contains(ex.Problems, p => p.Contains("Seeds must be between 1 and 50"));
        Assert.Empty(await host.Get<ExperimentStore>().ListAsync());
    }

    /// <summary>Fails with the stored error text, so a broken run says why.</summary>
    private static async Task AssertStatusAsync(RunnerHost host, int runId, RunStatus expected, RunStatus? actual)
    {
        var stored = await host.Get<RunStore>().GetAsync(runId);
        Assert.True(expected == actual && stored!.Status == expected, $"Expected {expected}, got {actual}/{stored?.Status}: {stored?.Error}");
    }

    [Fact]
    public async Task Build_TaskSpecificRun_DeltaAgainstBestGeneral()
    {
        await using var host = await RunnerHost.StartAsync();
        var experiment = await host.CreateExperimentAsync(await host.SeedDatasetAsync(), "general", "specific");
        var ledger = host.Get<RunLedger>();
        foreach (var (run, value) in experiment.Runs.Zip([0.70, 0.85]))
        {
            await ledger.TryClaimAsync(run.Id, CancellationToken.None);
            await ledger.CompleteAsync(run.Id, new RunCompletion(null, [new MetricValue("accuracy", value, IsPrimary: true)], "{}", "{}"), CancellationToken.None);
        }

        var view = await host.Get<ExperimentQueries>().GetAsync(experiment.Id);

        var specific = view!.Runs.Single(r => r.EmbedderId == "specific");
        Assert.Equal(0.15, specific.DeltaVsBestGeneral!.Value, 10);
        Assert.Null(view.Runs.Single(r => r.EmbedderId == "general").DeltaVsBestGeneral);
    }
}
