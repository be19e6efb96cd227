using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Jobs;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Data.Tests;

/// <summary>The one ledger over the three job tables: the same claim, recovery, progress and end for runs, training jobs and projections.</summary>
public sealed class JobLedgerTests
{
    private static DatasetMetadata Meta() => new("toy", TaskKind.Classification, "csv", "abc123", "test", "CC0", IsBuiltIn: false, SkippedLines: 0, Notes: "");

    /// <summary>One queued job of the ledger's kind; its id.</summary>
    private static async Task<int> QueueOneAsync(TempDatabase db, JobKind kind)
    {
        var dataset = await db.Get<DatasetStore>().SaveAsync(Meta(), new List<LabeledText> { new("a", "x") });
        return kind switch
        {
            JobKind.Run => (await db.Get<ExperimentStore>().CreateAsync("exp", "{}", [new RunPlan(dataset.Id, "glove")])).Runs[0].Id,
            JobKind.Training => (await db.Get<TrainingJobStore>().CreateAsync("t", TrainingMethod.EmbeddingLayer, dataset.Id, null, "{}")).Id,
            JobKind.LayerAnalysis => (await db.Get<LayerAnalysisStore>().CreateAsync(new LayerAnalysisEntity { EmbedderId = "minilm", DatasetId = dataset.Id, ParamsKey = "max=10;seed=13;models=minilm", ModelSha256 = "m", DatasetSha256 = "d" })).Id,
            _ => (await db.Get<ProjectionStore>().CreateAsync(new ProjectionEntity { EmbedderId = "glove", DatasetId = dataset.Id, ParamsKey = "c=2", ModelSha256 = "m", DatasetSha256 = "d" })).Id,
        };
    }

    private static IJobLedger Ledger(TempDatabase db, JobKind kind) => kind switch
    {
        JobKind.Run => db.Get<RunLedger>(),
        JobKind.Training => db.Get<TrainingLedger>(),
        JobKind.LayerAnalysis => db.Get<LayerAnalysisLedger>(),
        _ => db.Get<ProjectionLedger>(),
    };

    private static async Task<IJobRow> RowAsync(TempDatabase db, JobKind kind, int id) => kind switch
    {
        JobKind.Run => (await db.Get<RunStore>().GetAsync(id))!,
        JobKind.Training => (await db.Get<TrainingJobStore>().GetAsync(id))!,
        JobKind.LayerAnalysis => (await db.Get<LayerAnalysisStore>().GetAsync(id))!,
        _ => (await db.Get<ProjectionStore>().GetAsync(id, withPoints: false))!,
    };

    [Theory]
    [InlineData(JobKind.Run)]
    [InlineData(JobKind.Training)]
    [InlineData(JobKind.Projection)]
    [InlineData(JobKind.LayerAnalysis)]
    public async Task TryClaimAsync_TwoWorkersRace_ExactlyOneWins(JobKind kind)
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, kind);
        var ledger = Ledger(db, kind);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ledger.TryClaimAsync(id, CancellationToken.None))));

        Assert.Single(claims, c => c);
        var row = await RowAsync(db, kind, id);
        Assert.Equal(RunStatus.Running, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.StartedAt);
    }

    [Theory]
    [InlineData(JobKind.Run)]
    [InlineData(JobKind.Training)]
    [InlineData(JobKind.Projection)]
    [InlineData(JobKind.LayerAnalysis)]
    public async Task RecoverAsync_RunningAtStop_InterruptedReturnedAndClaimableAgain(JobKind kind)
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, kind);
        var ledger = Ledger(db, kind);
        await ledger.TryClaimAsync(id, CancellationToken.None);

        // A restart: the running job must not be lost nor left "Running" forever.
        await using var reopened = await db.ReopenAsync();
        var pending = await Ledger(reopened, kind).RecoverAsync(CancellationToken.None);

        Assert.Equal([id], pending);
        Assert.Equal(RunStatus.Interrupted, (await RowAsync(reopened, kind, id)).Status);
        Assert.True(await Ledger(reopened, kind).TryClaimAsync(id, CancellationToken.None));
        Assert.Equal(2, (await RowAsync(reopened, kind, id)).Attempts);
    }

    [Theory]
    [InlineData(JobKind.Run)]
    [InlineData(JobKind.Training)]
    [InlineData(JobKind.Projection)]
    [InlineData(JobKind.LayerAnalysis)]
    public async Task SaveProgressAsync_AfterTheJobEnded_LeavesTheEndAlone(JobKind kind)
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, kind);
        var ledger = Ledger(db, kind);
        await ledger.TryClaimAsync(id, CancellationToken.None);
        await ledger.SaveProgressAsync(id, new JobProgressSnapshot(0.4, "halfway"), CancellationToken.None);
        Assert.Equal(0.4, (await RowAsync(db, kind, id)).Progress);

        await ledger.EndAsync(id, new JobOutcome(RunStatus.Failed, "boom", "boom"), CancellationToken.None);
        await ledger.SaveProgressAsync(id, new JobProgressSnapshot(0.9, "late write"), CancellationToken.None);

        var row = await RowAsync(db, kind, id);
        Assert.Equal(RunStatus.Failed, row.Status);
        Assert.Equal("boom", row.Error);
        Assert.Equal(0.4, row.Progress);
        Assert.NotNull(row.FinishedAt);
    }

    [Theory]
    [InlineData(JobKind.Run)]
    [InlineData(JobKind.Training)]
    [InlineData(JobKind.Projection)]
    [InlineData(JobKind.LayerAnalysis)]
    public async Task CancelPendingAsync_QueuedThenClaim_ClaimRefused(JobKind kind)
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, kind);
        var ledger = Ledger(db, kind);

        Assert.True(await ledger.CancelPendingAsync(id, CancellationToken.None));

        Assert.False(await ledger.TryClaimAsync(id, CancellationToken.None));
        Assert.Equal(RunStatus.Cancelled, (await RowAsync(db, kind, id)).Status);
        Assert.False(await ledger.CancelPendingAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task CompleteAsync_ClaimedLayerAnalysis_StoresResultAndIsFoundInTheCache()
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, JobKind.LayerAnalysis);
        var ledger = db.Get<LayerAnalysisLedger>();
        Assert.True(await ledger.TryClaimAsync(id, CancellationToken.None));

        Assert.True(await ledger.CompleteAsync(id, new LayerAnalysisCompletion("{\"Metric\":\"accuracy\"}", 12.5), CancellationToken.None));

        var row = await db.Get<LayerAnalysisStore>().GetAsync(id);
        Assert.Equal(RunStatus.Done, row!.Status);
        Assert.Equal("{\"Metric\":\"accuracy\"}", row.ResultJson);
        Assert.Equal(12.5, row.ElapsedSeconds);
        var found = await db.Get<LayerAnalysisStore>().FindAsync("minilm", row.DatasetId, "max=10;seed=13;models=minilm", "m", "d");
        Assert.Equal(id, found!.Id);
        Assert.Null(await db.Get<LayerAnalysisStore>().FindAsync("minilm", row.DatasetId, "max=10;seed=13;models=minilm", "changed-model", "d"));
    }

    [Fact]
    public async Task CompleteAsync_ClaimedRun_StoresMetricsAndIsDone()
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, JobKind.Run);
        var ledger = db.Get<RunLedger>();
        await ledger.TryClaimAsync(id, CancellationToken.None);

        Assert.True(await ledger.CompleteAsync(id, new RunCompletion("3 seeds", [new MetricValue("accuracy", 0.8, 0.01, true, [0.79, 0.81])], "{}", "{}"), CancellationToken.None));

        var run = (await db.Get<RunStore>().GetAsync(id))!;
        Assert.Equal(RunStatus.Done, run.Status);
        Assert.Equal(1, run.Progress);
        Assert.Equal("3 seeds", run.ProgressMessage);
        var metric = Assert.Single(run.Metrics);
        Assert.Equal(0.8, metric.Value);
        Assert.Equal("[0.79,0.81]", metric.ValuesJson);
    }

    [Fact]
    public async Task CompleteAsync_CancelledMeanwhile_CancelWinsAndNoMetricsStored()
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, JobKind.Run);
        var ledger = db.Get<RunLedger>();
        await ledger.TryClaimAsync(id, CancellationToken.None);

        await ledger.EndAsync(id, new JobOutcome(RunStatus.Cancelled, "Cancelled by the user."), CancellationToken.None);
        Assert.False(await ledger.CompleteAsync(id, new RunCompletion(null, [new MetricValue("accuracy", 0.5)], "{}", "{}"), CancellationToken.None));

        var run = (await db.Get<RunStore>().GetAsync(id))!;
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Empty(run.Metrics);
    }

    [Fact]
    public async Task SaveProgressAsync_TrainingDetail_KeepsTheCurve()
    {
        await using var db = await TempDatabase.CreateAsync();
        var id = await QueueOneAsync(db, JobKind.Training);
        var ledger = db.Get<TrainingLedger>();
        await ledger.TryClaimAsync(id, CancellationToken.None);

        await ledger.SaveProgressAsync(id, new JobProgressSnapshot(0.5, "epoch 1", "[[1,0.5,0.1]]"), CancellationToken.None);

        Assert.Equal("[[1,0.5,0.1]]", (await db.Get<TrainingJobStore>().GetAsync(id))!.CurveJson);
    }
}
