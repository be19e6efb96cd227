using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Training.Tagger;

namespace EmbedDashboard.Training.Tests.Jobs;

public sealed class NerTrainingJobTests
{
    private static readonly string[] People = ["john", "mary", "alice", "bob"];
    private static readonly string[] Places = ["paris", "rome", "oslo", "lima"];

    /// <summary>Names tagged by context ("met X" → person, "in X" → location); the test split has names never seen in training.</summary>
    private static async Task<int> SaveToyNerAsync(TrainingHost host, bool withTestSplit)
    {
        var random = new Random(3);
        var items = new List<TaggedSentence>();
        for (var i = 0; i < 240; i++)
        {
            var person = i % 2 == 0;
            var test = withTestSplit && i % 4 == 3;
            var name = test ? $"zq{i}" : (person ? People : Places)[random.Next(4)];
            items.Add(new TaggedSentence(["we", person ? "met" : "lived", person ? "with" : "in", name, "today"],
                ["O", "O", "O", person ? "B-person" : "B-location", "O"], test ? Split.Test : Split.Train));
        }

        var entity = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata($"toy ner {withTestSplit}", TaskKind.Ner, "Conll", Guid.NewGuid().ToString("N"), "test", null, false), items);
        return entity.Id;
    }

    [Fact]
    public async Task EmbeddingLayerJob_NerDataset_TrainsTaggerTableThatNeverSawTheTestSplit()
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveToyNerAsync(host, withTestSplit: true);

        var job = await host.Get<TrainingService>().StartAsync(new TrainingRequest
        {
            Method = TrainingMethod.EmbeddingLayer, DatasetId = dataset, Tagger = new WindowTaggerOptions { Dimension = 8, MinCount = 1, Buckets = 1000, Epochs = 3 },
        });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);

        var done = (await host.Get<TrainingService>().GetAsync(job.Id))!;
        Assert.Equal(RunStatus.Done, done.Status);
        var id = Assert.Single(done.ProducedEmbedderIds!.Split(','));
        var manifest = host.Get<TrainingService>().Catalog.Get(id)!;
        Assert.Equal(EmbedDashboard.Training.Artifacts.ArtifactType.TaggerTable, manifest.Type);
        Assert.Equal(180, manifest.TrainExamples); // the 60 test sentences are not among them
        var table = TaggerTable.Load(host.Get<TrainingService>().Catalog.Store.FolderOf(id));
        Assert.DoesNotContain(table.Vocabulary.Words, w => w.StartsWith("zq", StringComparison.Ordinal)); // test-only names never became rows

        var words = host.Get<EmbedderRegistry>().GetWordLevel(id)!;
        var vectors = await words.EmbedWordsAsync([["we", "met", "with", "zq999", "today"]], EmbedOptions.Default);
        Assert.Equal(5, vectors.Count);
        Assert.False(vectors.Missing[3]); // an unseen word still gets a vector from its character n-grams
        Assert.True(host.Get<EmbedderRegistry>().Installed.Single(e => e.Id == id) is { IsGeneral: false, Kind: EmbedderKind.TrainedEmbeddingLayer });
    }

    [Fact]
    public async Task EmbeddingLayerJob_NerDatasetWithoutTestSplit_FailsSayingHowToImportOne()
    {
        await using var host = await TrainingHost.StartAsync();
        var dataset = await SaveToyNerAsync(host, withTestSplit: false);

        var job = await host.Get<TrainingService>().StartAsync(new TrainingRequest { Method = TrainingMethod.EmbeddingLayer, DatasetId = dataset });
        await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Training, job.Id), CancellationToken.None);

        var done = (await host.Get<TrainingService>().GetAsync(job.Id))!;
        Assert.Equal(RunStatus.Failed, done.Status);
        Assert.Contains("no test split", done.Error);
        Assert.Contains("--test", done.Error);
        Assert.Empty(host.Get<TrainingService>().Catalog.All);
    }

    [Fact]
    public async Task StartAsync_WordSimilarityDataset_RefusedNamingTheTasksThatTrain()
    {
        await using var host = await TrainingHost.StartAsync();
        var entity = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("pairs", TaskKind.WordSimilarity, "WordSimilarity", "h", "test", null, false),
            new List<ScoredPair> { new("cat", "dog", 7) });

        var ex = await Assert.ThrowsAsync<TrainingInputException>(() => host.Get<TrainingService>().StartAsync(new TrainingRequest { Method = TrainingMethod.EmbeddingLayer, DatasetId = entity.Id }));

        Assert.Contains("WordSimilarity", ex.Message);
        Assert.Contains("NER dataset", ex.Message);
    }
}
