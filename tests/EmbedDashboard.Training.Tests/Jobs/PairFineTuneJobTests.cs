using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Tests.Jobs;

public sealed class PairFineTuneJobTests
{
    private static readonly FineTuneOptions Short = new() { TrainLastLayers = 1, BatchSize = 8, MaxTokens = 32, Epochs = 1 };

    private static async Task<DatasetEntity> SaveAsync(TrainingHost host, TaskKind task, bool withTrainSplit = true)
    {
        var store = host.Get<DatasetStore>();
        var meta = new DatasetMetadata($"toy {task}", task, "test", $"h-{task}-{withTrainSplit}", "test", null, false);
        Split SplitOf(int i) => withTrainSplit && i % 4 != 0 ? Split.Train : Split.Test;
        return task switch
        {
            TaskKind.FaqRetrieval => await store.SaveAsync(meta, Enumerable.Range(0, 24).Select(i => new FaqPair($"how do I do task {i}?", $"Task {i} is done by step {i}.", "toy", SplitOf(i))).ToList()),
            TaskKind.Sts => await store.SaveAsync(meta, Enumerable.Range(0, 24).Select(i => new ScoredPair($"a cat sat on mat {i}", i % 2 == 0 ? $"a cat is sitting on mat {i}" : $"stocks fell on day {i}", i % 2 == 0 ? 4.5 : 0.5, SplitOf(i))).ToList()),
            _ => await store.SaveAsync(meta, Enumerable.Range(0, 24).Select(i =>
            {
                var context = $"Paris is in France. The number is {i}. Rome is in Italy.";
                return new QaExample($"{i}", context, $"what is number {i}?", [new AnswerSpan(context.IndexOf("The number", StringComparison.Ordinal), "The number")], SplitOf(i));
            }).ToList()),
        };
    }

    [Theory]
    [InlineData(TaskKind.FaqRetrieval, FineTuneObjective.Supervised, "-pairs-")]
    [InlineData(TaskKind.Sts, FineTuneObjective.Supervised, "-cosent-")]
    [InlineData(TaskKind.QuestionAnswering, FineTuneObjective.ContrastiveDropout, "-contrastive-dropout-")]
    public async Task FineTuneJob_PairDataset_RegisteredAsTaskSpecificWithBaseAndDataset(TaskKind task, FineTuneObjective objective, string idPart)
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveAsync(host, task);
        var service = host.Get<TrainingService>();

        var job = await service.StartAsync(new TrainingRequest { Method = TrainingMethod.FineTuneEncoder, DatasetId = dataset.Id, FineTune = Short with { Objective = objective } });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);
        var done = (await service.GetAsync(job.Id))!;

        Assert.True(done.Status == RunStatus.Done, done.Error);
        var id = Assert.Single(done.ProducedEmbedderIds!.Split(','));
        Assert.Contains(idPart, id);
        var manifest = host.Get<TrainedEmbedderCatalog>().All.Single(m => m.Id == id);
        Assert.Equal(ModelLayout.MiniLmId, manifest.BaseEmbedderId);
        Assert.Equal(dataset.Id, manifest.DatasetId);
        var registry = host.Get<EmbedderRegistry>();
        Assert.Equal(EmbedderKind.FineTunedEncoder, registry.Installed.Single(e => e.Id == id).Kind);
        var tuned = await registry.Get(id).EmbedAsync(["how do I do task 3?"], EmbedOptions.Default);
        var general = await registry.Get(ModelLayout.MiniLmId).EmbedAsync(["how do I do task 3?"], EmbedOptions.Default);
        Assert.InRange(System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(tuned.Row(0), general.Row(0)), 0.5f, 0.99999f);
    }

    [Fact]
    public async Task FineTuneJob_PairDatasetCancelledWhileTraining_CancelledAndNothingSaved()
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveAsync(host, TaskKind.FaqRetrieval);
        var service = host.Get<TrainingService>();
        var job = await service.StartAsync(new TrainingRequest { Method = TrainingMethod.FineTuneEncoder, DatasetId = dataset.Id, FineTune = Short with { BatchSize = 2, Epochs = 20 } });
        using var subscription = host.Get<JobHub>().Subscribe(JobKind.Training, u =>
        {
            if (u.Id == job.Id && u.Detail is TrainingDetail { NewPoints.Count: > 0 }) service.CancelAsync(job.Id).GetAwaiter().GetResult();
        });

        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);

        Assert.Equal(RunStatus.Cancelled, (await service.GetAsync(job.Id))!.Status);
        Assert.Empty(host.Get<TrainedEmbedderCatalog>().All);
    }

    [Theory]
    [InlineData(TaskKind.FaqRetrieval)]
    [InlineData(TaskKind.Sts)]
    [InlineData(TaskKind.QuestionAnswering)]
    public async Task StartAsync_PairDatasetWithoutTrainSplit_RefusedSayingHowToImportOne(TaskKind task)
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveAsync(host, task, withTrainSplit: false);

        var error = await Assert.ThrowsAsync<TrainingInputException>(() => host.Get<TrainingService>().StartAsync(
            new TrainingRequest { Method = TrainingMethod.FineTuneEncoder, DatasetId = dataset.Id, FineTune = Short }));

        Assert.Contains("no training pairs", error.Message);
        Assert.Contains("--test", error.Message);
        Assert.Empty(await host.Get<TrainingService>().ListAsync());
    }

    [Fact]
    public async Task StartAsync_EmbeddingLayerOnFaqDataset_RefusedNamingWhatFits()
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveAsync(host, TaskKind.FaqRetrieval);

        var error = await Assert.ThrowsAsync<TrainingInputException>(() => host.Get<TrainingService>().StartAsync(
            new TrainingRequest { Method = TrainingMethod.EmbeddingLayer, DatasetId = dataset.Id }));

        Assert.Contains("FaqRetrieval", error.Message);
        Assert.Contains("Fine-tune MiniLM instead", error.Message);
    }
}
