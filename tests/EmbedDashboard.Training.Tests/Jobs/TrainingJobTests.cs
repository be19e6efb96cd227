using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Tests.Jobs;

public sealed class TrainingJobTests
{
    private static async Task<int> SaveToyAsync(TrainingHost host, bool withTestSplit, int count = 400)
    {
        string[] positive = ["great", "wonderful", "superb", "lovely"];
        string[] negative = ["awful", "terrible", "dreadful", "boring"];
        var random = new Random(7);
        var items = Enumerable.Range(0, count).Select(i =>
        {
            var label = i % 2 == 0 ? "pos" : "neg";
            var cue = (label == "pos" ? positive : negative)[random.Next(4)];
            var split = withTestSplit && i % 4 == 3 ? Split.Test : Split.Train;
            return new LabeledText($"the film was {cue} and the story was told", label, split);
        }).ToList();
        var entity = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata($"toy {withTestSplit}", TaskKind.Classification, "csv", Guid.NewGuid().ToString("N"), "test", null, false), items);
        return entity.Id;
    }

    private static async Task<TrainingJobView> RunAsync(TrainingHost host, TrainingRequest request, CancellationToken stopping = default)
    {
        var job = await host.Get<TrainingService>().StartAsync(request);
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), stopping);
        return (await host.Get<TrainingService>().GetAsync(job.Id))!;
    }

    [Fact]
    public async Task EmbeddingLayerJob_ToyData_RegisteredSavedAndReloadedAfterRestart()
    {
        var folder = Directory.CreateTempSubdirectory("embeddash-training-").FullName;
        string id;
        float[] before;
        await using (var host = await TrainingHost.StartAsync(folder))
        {
            var dataset = await SaveToyAsync(host, withTestSplit: true);
            var job = await RunAsync(host, new TrainingRequest { Method = TrainingMethod.EmbeddingLayer, DatasetId = dataset, EmbeddingLayer = new FastTextOptions { Dimension = 16, MinCount = 1 } });

            Assert.Equal(RunStatus.Done, job.Status);
            id = Assert.Single(job.ProducedEmbedderIds!.Split(','));
            var info = host.Get<EmbedderRegistry>().Installed.Single(e => e.Id == id);
            Assert.Equal(EmbedderKind.TrainedEmbeddingLayer, info.Kind);
            Assert.Equal(16, info.Dimension);
            Assert.Equal(64, info.ModelFileSha256.Length);
            Assert.NotEmpty(TrainingProgressCurve(job));
            before = (await host.Get<EmbedderRegistry>().Get(id).EmbedAsync(["a superb story"], EmbedOptions.Default)).Data;
        }

        // A new process over the same folders: the catalog registers the saved embedder again.
        await using (var restarted = await TrainingHost.StartAsync(folder))
        {
            var after = (await restarted.Get<EmbedderRegistry>().Get(id).EmbedAsync(["a superb story"], EmbedOptions.Default)).Data;
            Assert.Equal(before, after);
            Assert.Empty(restarted.Get<TrainedEmbedderCatalog>().Problems);
        }
    }

    private static IReadOnlyList<LossPoint> TrainingProgressCurve(TrainingJobView job) => TrainingProgressWriter.ParseCurve(job.CurveJson);

    [Fact]
    public async Task EmbeddingLayerJob_NoTestSplit_FailsWithReasonAndSavesNothing()
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveToyAsync(host, withTestSplit: false);

        var job = await RunAsync(host, new TrainingRequest { Method = TrainingMethod.EmbeddingLayer, DatasetId = dataset, EmbeddingLayer = new FastTextOptions { Dimension = 16, MinCount = 1 } });

        Assert.Equal(RunStatus.Failed, job.Status);
        Assert.Contains("has no test split", job.Error, StringComparison.Ordinal);
        Assert.Empty(host.Get<TrainedEmbedderCatalog>().All);
    }

    [Fact]
    public async Task StartAsync_NotClassification_RefusedWithReason()
    {
        await using var host = await TrainingHost.StartAsync();
        var pairs = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("pairs", TaskKind.WordSimilarity, "tsv", "h", "test", null, false), new List<ScoredPair> { new("a", "b", 1) });

        var error = await Assert.ThrowsAsync<TrainingInputException>(() => host.Get<TrainingService>().StartAsync(new TrainingRequest { Method = TrainingMethod.EmbeddingLayer, DatasetId = pairs.Id }));

        Assert.Contains("needs a classification dataset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbeddingLayerJob_CancelledWhileTraining_CancelledAndNothingSaved()
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveToyAsync(host, withTestSplit: true, count: 4000);
        var service = host.Get<TrainingService>();
        var job = await service.StartAsync(new TrainingRequest { Method = TrainingMethod.EmbeddingLayer, DatasetId = dataset, MaxTrainExamples = 0, EmbeddingLayer = new FastTextOptions { Dimension = 64, MinCount = 1, Epochs = 100, Subwords = true } });
        using var subscription = host.Get<JobHub>().Subscribe(JobKind.Training, u =>
        {
            if (u.Id == job.Id && u.Detail is TrainingDetail { NewPoints.Count: > 0 }) service.CancelAsync(job.Id).GetAwaiter().GetResult();
        });

        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);

        var stored = await service.GetAsync(job.Id);
        Assert.Equal(RunStatus.Cancelled, stored!.Status);
        Assert.Empty(host.Get<TrainedEmbedderCatalog>().All);
    }

    [Fact]
    public async Task ReductionJob_Glove_OneEmbedderPerDimensionWithGrowingVariance()
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveToyAsync(host, withTestSplit: true);

        var job = await RunAsync(host, new TrainingRequest { Method = TrainingMethod.ReduceDimension, DatasetId = dataset, BaseEmbedderId = ModelLayout.GloveId, Reduction = new ReductionOptions { Dimensions = [4, 8, 200] } });

        Assert.Equal(RunStatus.Done, job.Status);
        var manifests = host.Get<TrainedEmbedderCatalog>().All.OrderBy(m => m.Dimension).ToList();
        Assert.Equal([4, 8], manifests.Select(m => m.Dimension));
        Assert.True(manifests[1].Figures["explained_variance"] > manifests[0].Figures["explained_variance"]);
        Assert.Contains("Skipped 200", job.ResultJson, StringComparison.Ordinal);
        var reduced = await host.Get<EmbedderRegistry>().Get(manifests[0].Id).EmbedAsync(["a superb story", "an awful story"], EmbedOptions.Default);
        Assert.Equal(4, reduced.Dimension);
        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(reduced.Row(0)), 1e-4f);
    }
}
