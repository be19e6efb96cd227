using Bunit;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Web.Components.WordContext;
using MudBlazor.Services;

namespace EmbedDashboard.Web.Tests;

public sealed class WordContextPickerTests
{
    private static DatasetInfo Dataset(int id, string name, TaskKind task) => new(id, name, task, "f", 10, 0, null, new string('a', 64), "test", null, true, DateTimeOffset.UnixEpoch);

    private static readonly DatasetInfo[] Datasets = [Dataset(1, "WS-353", TaskKind.WordSimilarity), Dataset(2, "IMDB reviews (built-in)", TaskKind.Classification), Dataset(3, "Reuters", TaskKind.Classification)];

    [Fact]
    public async Task SetModeAsync_InContextWithoutDataset_PicksFirstDatasetWithTexts()
    {
        await using var ctx = MudTestContext.Create();
        WordContextOptions? chosen = null;
        var picker = ctx.Render<WordContextPicker>(p => p.Add(x => x.Datasets, Datasets).Add(x => x.Value, WordContextOptions.Alone).Add(x => x.ValueChanged, v => chosen = v));

        Assert.Empty(picker.FindAll("[data-testid=word-context-dataset]"));
        await picker.InvokeAsync(() => picker.Instance.SetModeAsync(WordVectorMode.InContext));

        // WS-353 is a word list, not texts: the first context offered is IMDB.
        Assert.Equal(new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "IMDB reviews (built-in)" }, chosen);
        Assert.Equal(["IMDB reviews (built-in)", "Reuters"], picker.Instance.TextDatasets.Select(d => d.Name));
    }

    [Fact]
    public async Task Render_InContext_ShowsDatasetAndOccurrences()
    {
        await using var ctx = MudTestContext.Create();

        var picker = ctx.Render<WordContextPicker>(p => p.Add(x => x.Datasets, Datasets).Add(x => x.Value, new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "Reuters", MaxOccurrences = 7 }));

        Assert.Single(picker.FindAll("[data-testid=word-context-dataset]"));
        Assert.Equal("7", picker.Find("input[data-testid=word-context-occurrences]").GetAttribute("value"));
    }

    [Fact]
    public void Parse_EntriesOfInContext_RoundTripsThroughTheAddress()
    {
        var options = new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "IMDB reviews (built-in)", MaxOccurrences = 5 };

        var entries = WordContextQuery.Entries(options).ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal(options, WordContextQuery.Parse((string?)entries["ctx"], (int?)entries["occ"]));
        Assert.All(WordContextQuery.Entries(WordContextOptions.Alone), e => Assert.Null(e.Value));
        Assert.Equal(WordContextOptions.Alone, WordContextQuery.Parse(null, 5));
        Assert.Equal(20, WordContextQuery.Parse("IMDB", 0).MaxOccurrences);
        Assert.Contains("in context of 'IMDB reviews (built-in)'", WordContextQuery.Describe(options));
    }

    [Fact]
    public void ToApply_SharedView_TakesTheFrozenModeNotThePicker()
    {
        var state = new WordContextState { Choice = WordContextOptions.Alone };
        var (dataset, occurrences) = WordContextState.FromFrozen(Components.Sharing.FrozenState.Parse("probes/antonyms?ctx=Reuters&occ=5"));

        var shared = state.ToApply(readOnly: true, dataset, occurrences);
        var live = state.ToApply(readOnly: false, dataset, occurrences);

        Assert.Equal(("Reuters", 5), (shared.Dataset, shared.MaxOccurrences));
        Assert.True(shared.InContext);
        Assert.Equal(WordContextOptions.Alone, live);
    }

    [Fact]
    public void ShownText_InContext_SaysWhichWordsWereSearched()
    {
        var state = new WordContextState { Shown = WordContextQuery.Parse("Reuters", 5) };

        Assert.StartsWith("Word vectors: words in context of 'Reuters'", state.ShownText);
        Assert.Contains("the vocabulary is the most frequent GloVe words that occur there", state.ShownText);
        Assert.Equal("Word vectors: each word alone.", new WordContextState().ShownText);
    }
}
