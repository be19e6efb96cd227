using System.Collections.Concurrent;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.WordContext;
using EmbedDashboard.Core.Probes;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Runner.Probes;

/// <summary>A set of labels to search: the most frequent GloVe words, or a dataset's texts.</summary>
public sealed record ProbeVocabulary(string Key, string Description);

/// <summary>
/// Nearest-neighbour probe: the query is embedded by every chosen embedder and searched exactly
/// over the same vocabulary, so the lists can be compared side by side. Each (embedder, vocabulary)
/// index is built once (embedding the vocabulary) and kept for later queries.
/// </summary>
public sealed class NeighbourProbeService(IEmbedderRegistry registry, DatasetStore datasets)
{
    public const int WordVocabularySize = 20_000;

    /// <summary>
    /// In context every vocabulary word is encoded at each of its occurrences, so the word vocabulary is cut to the most
    /// frequent GloVe words that occur in the context texts, up to this many (the first build takes minutes, not hours).
    /// </summary>
    public const int InContextVocabularySize = 5_000;

    private const int MaxDatasetTexts = 5_000;
    private readonly ConcurrentDictionary<(string Embedder, string Vocabulary, string Context), Lazy<Task<VectorIndex>>> _indexes = new();
    private readonly ConcurrentDictionary<(string Dataset, int MaxTexts), Lazy<Task<LoadedContext>>> _contexts = new();

    public async Task<IReadOnlyList<ProbeVocabulary>> VocabulariesAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<ProbeVocabulary>();
        if (Glove() is not null) result.Add(new("words", $"Words: the {WordVocabularySize:N0} most frequent GloVe words"));
        foreach (var d in await datasets.ListAsync(cancellationToken))
        {
            if (d.Task is TaskKind.Classification or TaskKind.FaqRetrieval) result.Add(new($"dataset:{d.Id}", $"Texts of {d.Name} (up to {MaxDatasetTexts:N0})"));
        }

        return result;
    }

    /// <summary>Top-k under each embedder, neighbours only one embedder finds marked (the lists of <see cref="CompareAsync"/>).</summary>
    public async Task<IReadOnlyList<NeighbourList>> QueryAsync(string query, int k, string vocabulary, IReadOnlyList<string> embedderIds, CancellationToken cancellationToken = default) =>
        (await CompareAsync(query, k, vocabulary, embedderIds, null, cancellationToken)).Lists;

    /// <summary>
    /// Top-k under each embedder plus, for each pair of embedders, "what moves most": every neighbour of
    /// either list with its full rank under both (NeighbourComparison). Embedders that cannot embed the
    /// query (no known word) get a list with the reason and take no part in the pairs.
    /// </summary>
    /// <param name="context">Word vocabulary only: each word alone (null, the default) or in context of a dataset's texts.</param>
    public async Task<NeighbourComparisonResult> CompareAsync(string query, int k, string vocabulary, IReadOnlyList<string> embedderIds, WordContextOptions? context = null, CancellationToken cancellationToken = default)
    {
        var sources = new List<NeighbourSource>();
        var problems = new List<NeighbourList>();
        foreach (var id in embedderIds)
        {
            try
            {
                var source = await SourceAsync(id, context, cancellationToken);
                var index = await IndexAsync(id, vocabulary, context, cancellationToken);
                var embedded = await source.Embedder.EmbedAsync([query], EmbedOptions.Default, cancellationToken: cancellationToken);
                if (embedded.Missing[0] && source.InContext is not null) problems.Add(new NeighbourList(id, [], new HashSet<string>(), TimeSpan.Zero, $"'{query}' does not occur in '{source.Dataset!.Name}', so it has no in-context vector."));
                else if (embedded.Missing[0]) problems.Add(new NeighbourList(id, [], new HashSet<string>(), TimeSpan.Zero, $"'{query}' has no known word for {source.Embedder.Info.DisplayName}."));
                else sources.Add(new NeighbourSource(id, index, embedded.Row(0).ToArray()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                problems.Add(new NeighbourList(id, [], new HashSet<string>(), TimeSpan.Zero, ex.Message));
            }
        }

        var compared = NeighbourComparison.Compare(sources, k, new HashSet<string>(StringComparer.Ordinal) { query, query.ToLowerInvariant() });
        var lists = compared.Lists.Concat(problems).OrderBy(l => embedderIds.ToList().IndexOf(l.EmbedderId)).ToList();
        return compared with { Lists = lists };
    }

    /// <summary>Index size per embedder once built (for the page to say what was searched).</summary>
    public int? IndexSize(string embedderId, string vocabulary, WordContextOptions? context = null) =>
        _indexes.TryGetValue((embedderId, vocabulary, ContextKey(context)), out var lazy) && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result.Count : null;

    public Task<VectorIndex> IndexAsync(string embedderId, string vocabulary, CancellationToken cancellationToken = default) =>
        IndexAsync(embedderId, vocabulary, null, cancellationToken);

    /// <summary>The (embedder, vocabulary, word-vector mode) index, built once and kept.</summary>
    public Task<VectorIndex> IndexAsync(string embedderId, string vocabulary, WordContextOptions? context, CancellationToken cancellationToken = default)
    {
        context = context is { InContext: true } ? context : null;
        if (context is not null && vocabulary != "words")
        {
            throw new ArgumentException("In-context vectors apply to the word vocabulary; a dataset's texts are embedded whole. Choose the words, or the word alone.");
        }

        var key = (embedderId, vocabulary, ContextKey(context));
        var lazy = _indexes.GetOrAdd(key, k => new Lazy<Task<VectorIndex>>(() => BuildAsync(embedderId, k.Vocabulary, context)));
        if (lazy.Value.IsFaulted)
        {
            _indexes.TryRemove(new(key, lazy)); // let a later query try again
        }

        return lazy.Value.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// How the embedder turns words into vectors under the mode: itself alone, or in context of the (cached) index of the
    /// context dataset. Static vectors stay alone (<see cref="WordVectorSource.NotApplicable"/> says so).
    /// </summary>
    public Task<WordVectorSource> SourceAsync(string embedderId, WordContextOptions? context, CancellationToken cancellationToken = default) =>
        WordVectorSource.CreateAsync(registry.Get(embedderId), registry.GetWordLevel(embedderId), context, ct => ContextAsync(context!, ct), cancellationToken);

    private Task<LoadedContext> ContextAsync(WordContextOptions context, CancellationToken cancellationToken)
    {
        var key = ((context.Dataset ?? "").ToLowerInvariant(), context.MaxTexts);
        var lazy = _contexts.GetOrAdd(key, _ => new Lazy<Task<LoadedContext>>(() => WordVectorSource.LoadContextAsync(datasets, context, null, CancellationToken.None)));
        if (lazy.Value.IsFaulted) _contexts.TryRemove(new(key, lazy));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    internal static string ContextKey(WordContextOptions? context) => context is { InContext: true } c
        ? $"{c.Dataset?.ToLowerInvariant()}|{c.MaxOccurrences}|{c.MaxTexts}|{c.WindowWords}"
        : "alone";

    private async Task<VectorIndex> BuildAsync(string embedderId, string vocabulary, WordContextOptions? context)
    {
        IReadOnlyList<string> labels;
        var source = await SourceAsync(embedderId, context);
        if (vocabulary == "words")
        {
            var words = Glove()?.Vectors.Words.Take(WordVocabularySize) ?? throw new InvalidOperationException("GloVe is not installed, so there is no word list.");
            // In context every embedder searches the same words: those that occur in the context texts (static ones embed them alone).
            labels = context is null
                ? words.ToList()
                : words.Where((await ContextAsync(context, CancellationToken.None)).Index.Contains).Take(InContextVocabularySize).ToList();
        }
        else if (vocabulary.StartsWith("dataset:", StringComparison.Ordinal) && int.TryParse(vocabulary[8..], out var id) && await datasets.FindAsync(id) is { } dataset)
        {
            labels = dataset.Task == TaskKind.FaqRetrieval
                ? (await datasets.LoadItemsAsync<FaqPair>(id)).Select(p => p.Question).Distinct().Take(MaxDatasetTexts).ToList()
                : (await datasets.LoadItemsAsync<LabeledText>(id)).Select(t => t.Text).Distinct().Take(MaxDatasetTexts).ToList();
        }
        else
        {
            throw new ArgumentException($"Unknown vocabulary '{vocabulary}'.");
        }

        var batch = await source.Embedder.EmbedAsync(labels, EmbedOptions.Default with { BatchSize = 64 });
        return new VectorIndex(labels, batch);
    }

    private StaticWordEmbedder? Glove() =>
        registry.Installed.Any(e => e.Id == ModelLayout.GloveId) ? registry.Get(ModelLayout.GloveId) as StaticWordEmbedder : null;
}
