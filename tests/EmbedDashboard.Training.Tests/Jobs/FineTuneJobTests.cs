using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Tests.Jobs;

public sealed class FineTuneJobTests
{
    [Fact]
    public async Task FineTuneJob_ToyData_OnnxEncoderRegisteredAndMovedFromBase()
    {
        await using var host = await TrainingHost.StartAsync();
        string[] positive = ["a wonderful, moving film", "great acting and a superb story", "lovely photography, I loved it"];
        string[] negative = ["a dull, boring film", "terrible acting and an awful story", "dreadful pacing, I hated it"];
        var items = Enumerable.Range(0, 64).Select(i => new LabeledText((i % 2 == 0 ? positive : negative)[i % 3] + $" ({i})", i % 2 == 0 ? "pos" : "neg", i % 4 == 3 ? Split.Test : Split.Train)).ToList();
        var dataset = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("toy reviews", TaskKind.Classification, "csv", "h", "test", null, false), items);
        var service = host.Get<TrainingService>();

        var job = await service.StartAsync(new TrainingRequest
        {
            Method = TrainingMethod.FineTuneEncoder,
            DatasetId = dataset.Id,
            FineTune = new FineTuneOptions { Objective = FineTuneObjective.Supervised, TrainLastLayers = 1, BatchSize = 16, MaxTokens = 32, Epochs = 2 },
        });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);
        var done = (await service.GetAsync(job.Id))!;

        Assert.True(done.Status == RunStatus.Done, done.Error);
        var id = Assert.Single(done.ProducedEmbedderIds!.Split(','));
        var registry = host.Get<EmbedderRegistry>();
        Assert.Equal(EmbedderKind.FineTunedEncoder, registry.Installed.Single(e => e.Id == id).Kind);
        var tuned = await registry.Get(id).EmbedAsync(["a wonderful film"], EmbedOptions.Default);
        var general = await registry.Get(ModelLayout.MiniLmId).EmbedAsync(["a wonderful film"], EmbedOptions.Default);
        var cosine = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(tuned.Row(0), general.Row(0));
        // Two epochs on the last layer move the vector but keep it close to MiniLM's (both unit length).
        Assert.InRange(cosine, 0.5f, 0.99999f);
        Assert.NotEmpty(TrainingProgressWriter.ParseCurve(done.CurveJson));
    }

    [Fact]
    public async Task FineTuneJob_NerDataset_TokenClassifierServedPerWordAndOnlyLastLayerMoved()
    {
        await using var host = await TrainingHost.StartAsync();
        var items = Enumerable.Range(0, 48).Select(i => i % 2 == 0
            ? new TaggedSentence(["we", "met", "John", "today"], ["O", "O", "B-person", "O"], i % 4 == 0 ? Split.Test : Split.Train)
            : new TaggedSentence(["we", "flew", "to", "Paris"], ["O", "O", "O", "B-location"], i % 4 == 1 ? Split.Test : Split.Train)).ToList();
        var dataset = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("toy ner", TaskKind.Ner, "Conll", "h", "test", null, false), items);
        var service = host.Get<TrainingService>();

        var job = await service.StartAsync(new TrainingRequest
        {
            Method = TrainingMethod.FineTuneEncoder,
            DatasetId = dataset.Id,
            FineTune = new FineTuneOptions { Objective = FineTuneObjective.Supervised, TrainLastLayers = 1, BatchSize = 8, MaxTokens = 32, Epochs = 1 },
        });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);
        var done = (await service.GetAsync(job.Id))!;

        Assert.True(done.Status == RunStatus.Done, done.Error);
        var id = Assert.Single(done.ProducedEmbedderIds!.Split(','));
        Assert.Contains("token-classification", id);
        var registry = host.Get<EmbedderRegistry>();
        var sentence = new[] { (IReadOnlyList<string>)["we", "met", "Mary", "today"] };
        var tuned = await registry.GetWordLevel(id)!.EmbedWordsAsync(sentence, EmbedOptions.Default);
        var general = await registry.GetWordLevel(ModelLayout.MiniLmId)!.EmbedWordsAsync(sentence, EmbedOptions.Default);
        Assert.Equal(4, tuned.Count);
        // Only the last layer trained: the per-word vectors moved away from MiniLM's, yet stay recognisably its own.
        var cosine = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(tuned.Row(2), general.Row(2));
        Assert.InRange(cosine, 0.5, 0.99999);
    }
}
