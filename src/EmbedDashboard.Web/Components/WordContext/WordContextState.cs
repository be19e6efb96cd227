using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Probes;
using EmbedDashboard.Web.Components.Sharing;

namespace EmbedDashboard.Web.Components.WordContext;

/// <summary>
/// A word probe page's word-vector state: the datasets the picker offers, the picker's choice, and the mode the shown
/// results were computed under (which lags the choice until the reader recomputes). The mode itself lives in the page's
/// address (<see cref="WordContextQuery"/>), so the page keeps the two query parameters and hands them in here.
/// </summary>
public sealed class WordContextState
{
    public IReadOnlyList<DatasetInfo> Datasets { get; private set; } = [];

    /// <summary>What the picker says now.</summary>
    public WordContextOptions Choice { get; set; } = WordContextOptions.Alone;

    /// <summary>The mode of the results on the page.</summary>
    public WordContextOptions Shown { get; set; } = WordContextOptions.Alone;

    /// <summary>The picker starts from the address's mode.</summary>
    public async Task InitializeAsync(DatasetCatalog catalog, string? dataset, int? occurrences)
    {
        Datasets = await catalog.ListAsync();
        Choice = WordContextQuery.Parse(dataset, occurrences);
    }

    /// <summary>The mode to compute under: a frozen link's comes from its state (the address values), never from the picker.</summary>
    public WordContextOptions ToApply(bool readOnly, string? dataset, int? occurrences) =>
        readOnly ? WordContextQuery.Parse(dataset, occurrences) : Choice;

    /// <summary>A share link's frozen (dataset, occurrences).</summary>
    public static (string? Dataset, int? Occurrences) FromFrozen(FrozenState state) =>
        (state.Get(WordContextQuery.DatasetKey), state.GetInt(WordContextQuery.OccurrencesKey));

    /// <summary>The line under the results: their mode, and in context which words were searched.</summary>
    public string ShownText => $"Word vectors: {WordContextQuery.Describe(Shown)}"
        + (Shown.InContext ? $"; the vocabulary is the most frequent GloVe words that occur there (up to {NeighbourProbeService.InContextVocabularySize:N0})" : "") + ".";
}
