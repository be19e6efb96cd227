using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Layers;

namespace EmbedDashboard.Runner.Tests.Layers;

public sealed class LayerAnalysisServiceTests
{
    /// <summary>Short reviews built from the tiny vocabulary; the label follows the sentiment word, so layers carry it to differing degrees.</summary>
    private static List<LabeledText> Reviews(int count)
    {
        var rng = new Random(3);
        string[] pos = ["good", "great", "fine", "nice", "happy"], neg = ["bad", "awful", "poor", "sad", "terrible"], filler = ["the", "movie", "was", "very", "not", "film", "plot", "acting"];
        return Enumerable.Range(0, count).Select(i =>
        {
            var positive = i % 2 == 0;
            var words = Enumerable.Range(0, 2 + rng.Next(4)).Select(_ => filler[rng.Next(filler.Length)]).ToList();
            words.Insert(rng.Next(words.Count + 1), (positive ? pos : neg)[rng.Next(5)]);
            return new LabeledText(string.Join(' ', words), positive ? "pos" : "neg");
        }).ToList();
    }

    [Fact]
    public async Task RunOneAsync_BaseAndLastLayerTunedCopy_CurvesWeightChangeAndCkaAsExpected()
    {
        using var tiny = new TinyBertEncoders();
        await using var host = await RunnerHost.StartAsync(embedders: [tiny.Base, tiny.Tuned]);
        var items = Reviews(120);
        var dataset = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("tiny reviews", TaskKind.Classification, "csv", "tiny-h", "test", null, false), items);
        var service = host.Get<LayerAnalysisService>();
        var request = new LayerAnalysisRequest { EmbedderId = "tiny-base", DatasetId = dataset.Id, MaxItems = 100 };

        var status = await service.RequestAsync(request);
        Assert.Equal(status.Id, (await service.RequestAsync(request)).Id); // queued once
        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.LayerAnalysis, status.Id), CancellationToken.None));
        var cached = await service.RequestAsync(request);
        var view = await service.LoadAsync(status.Id);

        Assert.Equal(status.Id, cached.Id);
        Assert.Equal(RunStatus.Done, cached.Status);
        Assert.NotNull(view);
        var r = view.Result;
        Assert.Equal("accuracy", r.Metric);
        Assert.Equal(["tiny-base", "tiny-ft"], r.Models.Select(m => m.EmbedderId));
        Assert.All(r.Models, m => Assert.Equal(3, m.Metric.Count)); // embedding layer + 2 layers
        var ft = r.Models[1];
        Assert.Equal([0.0, 0.0], ft.WeightChange!.Take(2)); // untouched: exactly zero
        Assert.True(ft.WeightChange![2] > 0.5, $"replaced last layer moved only {ft.WeightChange[2]}");
        Assert.Equal(1.0, ft.CkaToBase![0], 9);
        Assert.Equal(1.0, ft.CkaToBase[1], 9);
        Assert.True(ft.CkaToBase[2] < 0.99, $"CKA of the replaced layer {ft.CkaToBase[2]}");
        Assert.Equal(r.Models[0].Metric[1], ft.Metric[1]); // same lower layers, same scores

        // The last layer reproduces what the task's evaluator gives the ordinary encoder on the same sample.
        var sample = Sampling.Stratified(items, i => i.Label + "\u001f" + i.Split, 100, 13);
        var ordinary = await ClassificationEvaluator.EvaluateAsync(tiny.Base, sample,
            Tasks.ClassificationTaskRunner.ClassificationOptionsFor(new Specs.RunOptions { MaxItems = 100 }) with { MaxItems = 0, Clustering = null },
            new Specs.RunOptions().ToEmbedOptions());
        Assert.Equal(ordinary.Primary.Value.Mean, r.Models[0].Metric[^1], 9);
    }

    [Fact]
    public async Task RunOneAsync_NerDataset_EntityF1PerLayerLastEqualsOrdinaryEncoder()
    {
        using var tiny = new TinyBertEncoders();
        await using var host = await RunnerHost.StartAsync(embedders: [tiny.Base, tiny.Tuned]);
        // Sentiment words are the "entities": B-SENT, the rest O.
        var sentences = Reviews(80).Select((r, i) =>
        {
            var words = r.Text.Split(' ');
            return new TaggedSentence(words, words.Select(w => TinyBertEncoders.Words.Take(10).Contains(w) ? "B-SENT" : "O").ToList(), i % 4 == 0 ? Split.Test : Split.Train);
        }).ToList();
        var dataset = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("tiny ner", TaskKind.Ner, "conll", "ner-h", "test", null, false), sentences);
        var service = host.Get<LayerAnalysisService>();
        var status = await service.RequestAsync(new LayerAnalysisRequest { EmbedderId = "tiny-base", DatasetId = dataset.Id, MaxItems = 80 });

        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.LayerAnalysis, status.Id), CancellationToken.None));

        var r = (await service.LoadAsync(status.Id))!.Result;
        Assert.Equal("entity_f1", r.Metric);
        Assert.All(r.Models, m => Assert.Equal(3, m.Metric.Count));
        var ordinary = await NerEvaluator.EvaluateAsync(tiny.Base, sentences, new NerOptions { MaxSentences = 80, Seed = 13 }, new Specs.RunOptions().ToEmbedOptions());
        Assert.Equal(ordinary.Primary.Value.Mean, r.Models[0].Metric[^1], 9);
        Assert.Equal(r.Models[0].Metric[0], r.Models[1].Metric[0]); // the untouched embedding layer scores the same
    }

    [Fact]
    public async Task RunOneAsync_AnalogyDataset_FailsWithReason()
    {
        using var tiny = new TinyBertEncoders();
        await using var host = await RunnerHost.StartAsync(embedders: [tiny.Base]);
        var dataset = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("tiny analogy", TaskKind.Analogy, "txt", "an-h", "test", null, false),
            new List<AnalogyQuestion> { new("s", "good", "bad", "great", "awful") });
        var status = await host.Get<LayerAnalysisService>().RequestAsync(new LayerAnalysisRequest { EmbedderId = "tiny-base", DatasetId = dataset.Id });

        Assert.Equal(RunStatus.Failed, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.LayerAnalysis, status.Id), CancellationToken.None));
        Assert.Contains("Analogy dataset", (await host.Get<LayerAnalysisService>().GetAsync(status.Id))!.Error);
    }

    [Fact]
    public async Task RequestAsync_NotAnEncoder_Refused()
    {
        await using var host = await RunnerHost.StartAsync(embedders: [new FakeEmbedder("general")]);
        var dataset = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("toy", TaskKind.Classification, "csv", "toy-h", "test", null, false), Reviews(20));

        var ex = await Assert.ThrowsAsync<LayerAnalysisRequestException>(() => host.Get<LayerAnalysisService>().RequestAsync(new LayerAnalysisRequest { EmbedderId = "general", DatasetId = dataset.Id }));

        Assert.Contains("transformer encoder", ex.Message);
    }
}
