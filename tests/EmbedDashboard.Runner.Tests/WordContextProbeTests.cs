using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using EmbedDashboard.Runner.Probes;

namespace EmbedDashboard.Runner.Tests;

/// <summary>The neighbour probe in context: one word vocabulary for every embedder (words that occur), absent queries refused.</summary>
public sealed class WordContextProbeTests
{
    private static StaticWordEmbedder Glove()
    {
        string[] words = ["the", "cat", "dog", "zebra", "mat"];
        var matrix = words.SelectMany((_, i) => new float[] { 1, i + 1 }).ToArray();
        return new StaticWordEmbedder(new WordVectors(words, matrix, 2), new EmbedderInfo(ModelLayout.GloveId, "GloVe", EmbedderKind.StaticWordVectors, 2, 1, "g", "t", "l"));
    }

    private static async Task<RunnerHost> StartAsync()
    {
        var host = await RunnerHost.StartAsync(embedders: [new FakeContextualEncoder("encoder"), Glove()]);
        await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("Context texts", TaskKind.Classification, "csv", "ctx-sha", "test", null, false),
            new[] { new LabeledText("the cat sat on the mat", "a"), new LabeledText("a dog barked", "b") });
        return host;
    }

    private static readonly WordContextOptions InContext = new() { Mode = WordVectorMode.InContext, Dataset = "Context texts", MaxOccurrences = 3 };

    [Fact]
    public async Task CompareAsync_InContext_VocabularyIsWordsThatOccurForEveryEmbedder()
    {
        await using var host = await StartAsync();
        var probe = host.Get<NeighbourProbeService>();

        var compared = await probe.CompareAsync("cat", 2, "words", ["encoder", ModelLayout.GloveId], InContext);

        Assert.All(compared.Lists, l => Assert.Null(l.Problem));
        // "zebra" never occurs in the texts, so neither embedder searches it; alone GloVe's 5 words are all searched.
        Assert.Equal(4, probe.IndexSize("encoder", "words", InContext));
        Assert.Equal(4, probe.IndexSize(ModelLayout.GloveId, "words", InContext));
        await probe.CompareAsync("cat", 2, "words", [ModelLayout.GloveId]);
        Assert.Equal(5, probe.IndexSize(ModelLayout.GloveId, "words"));
    }

    [Fact]
    public async Task CompareAsync_InContextQueryAbsentFromTexts_SaysItDoesNotOccur()
    {
        await using var host = await StartAsync();

        var compared = await host.Get<NeighbourProbeService>().CompareAsync("zebra", 2, "words", ["encoder"], InContext);

        Assert.Equal("'zebra' does not occur in 'Context texts', so it has no in-context vector.", Assert.Single(compared.Lists).Problem);
    }

    [Fact]
    public async Task CompareAsync_InContextOverDatasetTexts_Refused()
    {
        await using var host = await StartAsync();

        var compared = await host.Get<NeighbourProbeService>().CompareAsync("cat", 2, "dataset:1", ["encoder"], InContext);

        Assert.StartsWith("In-context vectors apply to the word vocabulary", Assert.Single(compared.Lists).Problem);
    }

    [Fact]
    public async Task AnalogyAsync_InContext_AnswersOnlyAmongWordsThatOccur()
    {
        await using var host = await StartAsync();
        var lexicon = host.Get<LexiconProbeService>();

        var alone = await lexicon.AnalogyAsync("the", "cat", "dog");
        var inContext = await lexicon.AnalogyAsync("the", "cat", "dog", InContext);

        // The three question words are excluded, so GloVe's candidates alone are "zebra" and "mat"; in context "zebra"
        // never occurs in the texts, so only "mat" is left.
        var gloveAlone = alone.Single(r => r.EmbedderId == ModelLayout.GloveId).Answers;
        var gloveInContext = inContext.Single(r => r.EmbedderId == ModelLayout.GloveId).Answers;
        Assert.Equal(["mat", "zebra"], gloveAlone.CosAdd.Select(n => n.Label).Order());
        Assert.Equal(["mat"], gloveInContext.CosAdd.Select(n => n.Label));
        Assert.DoesNotContain(inContext.SelectMany(r => r.Answers.CosAdd), n => n.Label == "zebra");
    }
}
