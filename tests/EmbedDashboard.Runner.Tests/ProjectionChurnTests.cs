using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Projections;

namespace EmbedDashboard.Runner.Tests;

/// <summary>Neighbour churn through the projection job: the real job runner, SQLite cache and the link to stored runs.</summary>
public sealed class ProjectionChurnTests
{
    // Items t0…t4 as in the Core hand-worked case (A: 0°, 10°, 20°, 90°, 100°; B swaps t2 and t3), plus five items at
    // 200°…240° that sit in the same place under both (a projection needs 10 points). With k = 2 the overlaps are
    // t0 ½, t1 ½, t2 0, t3 0, t4 1 (see NeighbourChurnTests), and 1 for each far item: mean 7 / 10.
    private static readonly double[] AnglesA = [0, 10, 20, 90, 100, 200, 210, 220, 230, 240];
    private static readonly double[] AnglesB = [0, 10, 90, 20, 100, 200, 210, 220, 230, 240];
    private static readonly string[] Texts = Enumerable.Range(0, 10).Select(i => $"t{i}").ToArray();
    private static readonly string[] Gold = ["pos", "pos", "neg", "neg", "pos", "neg", "pos", "neg", "pos", "neg"];

    private static Dictionary<string, float[]> Table(double[] degrees) => Texts.Select((t, i) => (t, v: new[]
    {
        (float)Math.Cos(degrees[i] * Math.PI / 180), (float)Math.Sin(degrees[i] * Math.PI / 180),
    })).ToDictionary(x => x.t, x => x.v);

    private static Task<RunnerHost> StartAsync(Dictionary<string, float[]>? second = null) => RunnerHost.StartAsync(embedders:
        [new TableEmbedder("first", Table(AnglesA)), new TableEmbedder("second", second ?? Table(AnglesB), general: false), new TableEmbedder("same", Table(AnglesA))]);

    private static async Task<int> SeedAsync(RunnerHost host) => (await host.Get<DatasetStore>().SaveAsync(
        new DatasetMetadata("angles", TaskKind.Classification, "csv", "angles", "test", null, false),
        Texts.Select((t, i) => new LabeledText(t, Gold[i])).ToList())).Id;

    private static async Task<ProjectionView> ProjectAsync(RunnerHost host, ProjectionRequest request)
    {
        var service = host.Get<ProjectionService>();
        var status = await service.RequestAsync(request);
        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Projection, status.Id), CancellationToken.None));
        return (await service.LoadAsync(status.Id, fromCache: false))!;
    }

    [Fact]
    public async Task ProjectionJob_CompareWith_StoresHandWorkedOverlapsAndFrozenFacts()
    {
        await using var host = await StartAsync();
        var dataset = await SeedAsync(host);

        var view = await ProjectAsync(host, new ProjectionRequest { DatasetId = dataset, EmbedderId = "first", CompareWith = "second", ChurnK = 2, MaxPoints = 100 });

        var churn = Assert.IsType<ProjectionChurn>(view.Churn);
        Assert.Equal([0.5, 0.5, 0, 0, 1, 1, 1, 1, 1, 1], churn.Overlaps.OrderBy(o => o.Item).Select(o => o.Overlap));
        Assert.Equal(0.7, churn.MeanOverlap, 12);
        Assert.Equal([2, 3, 0, 1], churn.MostMoved.Take(4).Select(m => m.Item));
        Assert.Equal([4, 3], churn.MostMoved[0].SecondNeighbours); // t2 sits at 90° under B: t4 (100°), then t3 (20°)
        Assert.Equal((2, 2, 10, 0), (churn.RequestedK, churn.K, churn.Items, churn.Excluded));
        Assert.Equal(new ChurnEmbedder("second", "Table second", "TrainedEmbeddingLayer", false, "sha-second"), churn.Second);
        Assert.Equal("first", churn.First.Id);
        Assert.Equal(0.7, view.Figures["churn_mean_overlap"], 12);
    }

    [Fact]
    public async Task RequestAsync_CompareWithOrKChanged_NewCacheEntry_SameRequestCached()
    {
        await using var host = await StartAsync();
        var dataset = await SeedAsync(host);
        var service = host.Get<ProjectionService>();
        var plain = new ProjectionRequest { DatasetId = dataset, EmbedderId = "first", MaxPoints = 100 };

        var withoutChurn = await ProjectAsync(host, plain);
        var compared = await ProjectAsync(host, plain with { CompareWith = "second", ChurnK = 2 });
        var again = await service.RequestAsync(plain with { CompareWith = "second", ChurnK = 2 });
        var otherK = await service.RequestAsync(plain with { CompareWith = "second", ChurnK = 3 });

        Assert.Null(withoutChurn.Churn);
        Assert.NotEqual(withoutChurn.Id, compared.Id);
        Assert.Equal(compared.Id, again.Id);
        Assert.Equal(RunStatus.Done, again.Status);
        Assert.NotEqual(compared.Id, otherK.Id);
    }

    [Fact]
    public async Task ProjectionJob_IdenticalEmbeddings_EveryOverlapOne()
    {
        await using var host = await StartAsync();

        var view = await ProjectAsync(host, new ProjectionRequest { DatasetId = await SeedAsync(host), EmbedderId = "first", CompareWith = "same", ChurnK = 3, MaxPoints = 100 });

        Assert.All(view.Churn!.Overlaps, o => Assert.Equal(1.0, o.Overlap));
    }

    [Fact]
    public async Task ProjectionJob_SecondEmbedderMissesAnItem_ItemExcludedAndCounted()
    {
        var second = Table(AnglesB);
        second.Remove("t9");
        await using var host = await StartAsync(second);

        var view = await ProjectAsync(host, new ProjectionRequest { DatasetId = await SeedAsync(host), EmbedderId = "first", CompareWith = "second", ChurnK = 2, MaxPoints = 100 });

        Assert.Equal(10, view.Points.Count);
        Assert.Equal((9, 1), (view.Churn!.Items, view.Churn.Excluded));
        Assert.DoesNotContain(view.Churn.Overlaps, o => o.Item == 9);
    }

    [Theory]
    [InlineData("first", 10, 100, "two different embedders")]
    [InlineData("second", 0, 100, "between 1 and 100 (got 0)")]
    [InlineData("second", 10, 20_001, "at most 20,000 points")]
    [InlineData("nobody", 10, 100, "Unknown embedder to compare neighbours with: 'nobody'")]
    public async Task RequestAsync_BadComparison_RefusedWithReason(string compareWith, int k, int maxPoints, string expected)
    {
        await using var host = await StartAsync();
        var dataset = await SeedAsync(host);

        var error = await Assert.ThrowsAsync<ProjectionRequestException>(() => host.Get<ProjectionService>().RequestAsync(
            new ProjectionRequest { DatasetId = dataset, EmbedderId = "first", CompareWith = compareWith, ChurnK = k, MaxPoints = maxPoints }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChurnErrors_StoredClassificationRuns_GoldAndBothPredictionsPerMovedItem()
    {
        await using var host = await StartAsync();
        var dataset = await SeedAsync(host);
        var view = await ProjectAsync(host, new ProjectionRequest { DatasetId = dataset, EmbedderId = "first", CompareWith = "second", ChurnK = 2, MaxPoints = 100 });
        // "first" gets t2 wrong, "second" gets t3 wrong; rows are the run's own order (reversed here), matched by text.
        ItemOutcomes Outcomes(int wrong)
        {
            var labels = new[] { "neg", "pos" };
            var rows = Enumerable.Range(0, 10).Reverse().Select((item, row) => new ItemPrediction(row, Texts[item], Array.IndexOf(labels, Gold[item]),
                item == wrong ? 1 - Array.IndexOf(labels, Gold[item]) : Array.IndexOf(labels, Gold[item]))).ToList();
            var outcomes = ItemOutcomes.Create("accuracy", ItemStatistic.Mean, rows.Select(r => r.Text), rows.Select(r => (double[]?)[r.Gold == r.Predicted ? 1 : 0]).ToList());
            return outcomes with { Predictions = new ItemPredictions(labels, rows) };
        }

        host.Task.ItemsFor = id => Outcomes(id == "first" ? 2 : 3);
        host.Task.Release();
        var experiment = await host.CreateExperimentAsync(dataset, "first", "second");
        foreach (var run in experiment.Runs) Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));

        var errors = await host.Get<ChurnErrorService>().ForAsync(dataset, view.Churn!);

        Assert.Null(errors.Message);
        Assert.Equal(experiment.Id, errors.First!.ExperimentId);
        Assert.Equal(experiment.Runs.Single(r => r.EmbedderId == "second").Id, errors.Second!.RunId);
        Assert.Equal(new ItemErrors("neg", "pos", "neg"), errors.ByItem[2]);
        Assert.Equal(new ItemErrors("neg", "neg", "pos"), errors.ByItem[3]);
        Assert.Equal(new ItemErrors("pos", "pos", "pos"), errors.ByItem[4]);
        // Of the 10 items, the lowest-overlap quarter (2: t2 and t3) holds both runs' only errors.
        Assert.Equal(new ChurnErrorCounts(2, 1, 1, 0), errors.Summary(view.Churn!).LowestQuarter);
        Assert.Equal(new ChurnErrorCounts(8, 0, 0, 0), errors.Summary(view.Churn!).Rest);
    }

    [Fact]
    public async Task ChurnErrors_NoRunOfEither_SaysToRunAnExperimentWithBoth()
    {
        await using var host = await StartAsync();
        var dataset = await SeedAsync(host);
        var view = await ProjectAsync(host, new ProjectionRequest { DatasetId = dataset, EmbedderId = "first", CompareWith = "second", ChurnK = 2, MaxPoints = 100 });

        var errors = await host.Get<ChurnErrorService>().ForAsync(dataset, view.Churn!);

        Assert.Null(errors.First);
        Assert.Empty(errors.ByItem);
        Assert.Equal($"No finished classification run of Table first or Table second on angles with per-item predictions: {ChurnErrorService.RunBoth}.", errors.Message);
    }

    [Fact]
    public async Task ActiveUses_QueuedProjectionComparingWithEmbedder_NamesIt()
    {
        await using var host = await StartAsync();
        var dataset = await SeedAsync(host);
        var queued = await host.Get<ProjectionService>().RequestAsync(new ProjectionRequest { DatasetId = dataset, EmbedderId = "first", CompareWith = "second", MaxPoints = 100 });

        var uses = await host.Get<EmbedderUsageStore>().ActiveUsesAsync("second");

        Assert.Equal($"Pca projection #{queued.Id} of angles (Queued)", Assert.Single(uses));
        Assert.Empty(await host.Get<EmbedderUsageStore>().ActiveUsesAsync("same"));
    }
}
