using System.Text.Json;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Runner.Specs;

namespace EmbedDashboard.Runner.Tests;

/// <summary>Word similarity in context of a dataset's texts, through the real job runner, validation and the stored record.</summary>
public sealed class WordContextRunTests
{
    // "zebra" occurs in no context text; "cat", "dog", "mat" and "sat" do.
    private static readonly LabeledText[] Contexts = [new("the cat sat on the mat", "a"), new("a dog barked", "b"), new("The CAT slept all day long", "a")];
    private static readonly ScoredPair[] Pairs = [new("cat", "dog", 5), new("cat", "mat", 3), new("dog", "zebra", 1), new("mat", "sat", 2)];

    private static async Task<(RunnerHost Host, int Context, int Words)> StartAsync()
    {
        var host = await RunnerHost.StartAsync(embedders: [new FakeContextualEncoder("encoder"), new FakeEmbedder("glove")]);
        var store = host.Get<DatasetStore>();
        var context = await store.SaveAsync(new DatasetMetadata("Context texts", TaskKind.Classification, "csv", "ctx-sha", "test", null, false), Contexts);
        var words = await store.SaveAsync(new DatasetMetadata("Toy words", TaskKind.WordSimilarity, "pairs", "words-sha", "test", null, false), Pairs);
        return (host, context.Id, words.Id);
    }

    private static ExperimentSpec Spec(int dataset, WordContextOptions context, params string[] embedders) => new()
    {
        Name = "in context",
        Datasets = [dataset.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        Embedders = embedders,
        Options = new RunOptions { Seeds = 1, MaxItems = 0, WordContext = context },
    };

    private static readonly WordContextOptions InContext = new() { Mode = WordVectorMode.InContext, Dataset = "Context texts", MaxOccurrences = 5 };

    [Fact]
    public async Task RunOneAsync_WordSimilarityInContext_WordsAbsentFromTextsNotCoveredAndRecorded()
    {
        var (host, _, words) = await StartAsync();
        await using var _ = host;
        var experiment = await host.Get<ExperimentService>().CreateAsync(Spec(words, InContext, "encoder", "glove"));
        foreach (var run in experiment.Runs)
        {
            Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, run.Id), CancellationToken.None));
        }

        var runs = (await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!.Runs;
        var encoder = runs.Single(r => r.EmbedderId == "encoder");
        var glove = runs.Single(r => r.EmbedderId == "glove");
        // In context the "dog"–"zebra" pair is not covered; GloVe (static) runs alone and covers every pair.
        Assert.Equal(3, encoder.Metrics.Single(m => m.Name == "pairs_scored").Value);
        Assert.Equal(4, glove.Metrics.Single(m => m.Name == "pairs_scored").Value);
        var record = encoder.Repro!.WordContext!;
        Assert.Equal("InContext", record.Mode);
        Assert.Equal("Context texts", record.ContextDataset);
        Assert.Equal("ctx-sha", record.ContextDatasetSha256);
        Assert.Equal(5, record.MaxOccurrences);
        Assert.Equal((5, 4, 3), (record.Words, record.WordsCovered, record.TextsIndexed));
        // cat ×2, dog, mat, sat: 5 occurrences.
        Assert.Equal(5, record.Occurrences);
        var alone = glove.Repro!.WordContext!;
        Assert.Equal(("Alone", "InContext"), (alone.Mode, alone.Requested));
        Assert.Contains("one vector per word", alone.NotApplicable);
        Assert.Null(alone.ContextDatasetSha256);
    }

    [Fact]
    public async Task RunOneAsync_WordSimilarityAlone_EveryPairCoveredAndModeAloneRecorded()
    {
        var (host, _, words) = await StartAsync();
        await using var _ = host;
        var experiment = await host.Get<ExperimentService>().CreateAsync(Spec(words, WordContextOptions.Alone, "encoder"));

        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, experiment.Runs[0].Id), CancellationToken.None));

        var run = Assert.Single((await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!.Runs);
        Assert.Equal(4, run.Metrics.Single(m => m.Name == "pairs_scored").Value);
        Assert.Equal("Alone", run.Repro!.WordContext!.Mode);
        Assert.Null(run.Repro.WordContext.ContextDataset);
    }

    [Fact]
    public async Task CreateAsync_InContextOnNonWordTaskOrWordList_SpecificProblems()
    {
        var (host, contextId, words) = await StartAsync();
        await using var _ = host;
        var spec = Spec(contextId, InContext with { Dataset = "Toy words" }, "encoder");

        var error = await Assert.ThrowsAsync<ExperimentSpecException>(() => host.Get<ExperimentService>().CreateAsync(spec));

        Assert.Contains("In-context word vectors apply to word similarity and analogy only; 'Context texts' is a Classification dataset. Run it in an experiment with words alone.", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("Context dataset 'Toy words' is a WordSimilarity dataset and has no running texts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_InContextUnknownDatasetOrNone_SpecificProblems()
    {
        var (host, _, words) = await StartAsync();
        await using var _ = host;

        var unknown = await Assert.ThrowsAsync<ExperimentSpecException>(() => host.Get<ExperimentService>().CreateAsync(Spec(words, InContext with { Dataset = "Nope" }, "encoder")));
        var none = await Assert.ThrowsAsync<ExperimentSpecException>(() => host.Get<ExperimentService>().CreateAsync(Spec(words, InContext with { Dataset = null }, "encoder")));

        Assert.Contains("Unknown context dataset 'Nope'.", unknown.Problems);
        Assert.Contains("In-context word vectors need a context dataset (one with texts, e.g. IMDB or Reuters).", none.Problems);
    }

    [Fact]
    public async Task RunOneAsync_AnalogyInContext_VocabularyOnlyWordsThatOccur()
    {
        var (host, _, _) = await StartAsync();
        await using var _ = host;
        // Without GloVe the vocabulary is the questions' words: cat, dog, mat, sat occur; zebra does not.
        var questions = await host.Get<DatasetStore>().SaveAsync(new DatasetMetadata("Toy analogies", TaskKind.Analogy, "questions", "q-sha", "test", null, false),
            new[] { new AnalogyQuestion("s", "cat", "dog", "mat", "sat"), new AnalogyQuestion("s", "cat", "zebra", "mat", "sat") });
        var experiment = await host.Get<ExperimentService>().CreateAsync(Spec(questions.Id, InContext, "encoder"));

        Assert.Equal(RunStatus.Done, await host.Get<JobRunner>().RunOneAsync(new JobKey(JobKind.Run, experiment.Runs[0].Id), CancellationToken.None));

        var run = Assert.Single((await host.Get<ExperimentQueries>().GetAsync(experiment.Id))!.Runs);
        Assert.Equal(4, run.Metrics.Single(m => m.Name == "vocabulary").Value);
        Assert.Contains("In context, the vocabulary is restricted to the first 4 candidate words that occur in 'Context texts'", run.Message);
        Assert.Equal((4, 4), (run.Repro!.WordContext!.Words, run.Repro.WordContext.WordsCovered));
    }

    [Fact]
    public void ParseSpec_WordContextJson_RoundTrips()
    {
        const string json = """{"name": "x", "datasets": ["WS-353"], "embedders": ["minilm-l6-v2"], "options": {"wordContext": {"mode": "InContext", "dataset": "IMDB reviews (built-in)", "maxOccurrences": 10, "maxTexts": 5000}}}""";

        var spec = ExperimentService.ParseSpec(json);
        var again = ExperimentService.ParseSpec(JsonSerializer.Serialize(spec, ExperimentService.SpecJson));

        Assert.Equal(new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "IMDB reviews (built-in)", MaxOccurrences = 10, MaxTexts = 5000 }, again.Options.WordContext);
        Assert.Equal(WordContextOptions.Alone, ExperimentService.ParseSpec("""{"name": "y"}""").Options.WordContext);
    }

    [Fact]
    public void Validate_InContextBadCaps_SpecificProblems()
    {
        var problems = new RunOptions { WordContext = InContext with { MaxTexts = 0, WindowWords = 500 } }.Validate();

        Assert.Contains("Context texts scanned must be between 1 and 200,000 (got 0).", problems);
        Assert.Contains("Context window must be between 1 and 200 words each side (got 500).", problems);
    }
}
