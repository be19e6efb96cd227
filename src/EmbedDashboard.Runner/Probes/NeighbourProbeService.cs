using System.Collections.Concurrent;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
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
    private const int MaxDatasetTexts = 5_000;
    private readonly ConcurrentDictionary<(string Embedder, string Vocabulary), Lazy<Task<VectorIndex>>> _indexes = new();

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
        (await CompareAsync(query, k, vocabulary, embedderIds, cancellationToken)).Lists;

    /// <summary>
    /// Top-k under each embedder plus, for each pair of embedders, "what moves most": every neighbour of
    /// either list with its full rank under both (NeighbourComparison). Embedders that cannot embed the
    /// query (no known word) get a list with the reason and take no part in the pairs.
    /// </summary>
    public async Task<NeighbourComparisonResult> CompareAsync(string query, int k, string vocabulary, IReadOnlyList<string> embedderIds, CancellationToken cancellationToken = default)
    {
        var sources = new List<NeighbourSource>();
        var problems = new List<NeighbourList>();
        foreach (var id in embedderIds)
        {
            try
            {
                var embedder = registry.Get(id);
                var index = await IndexAsync(embedder, vocabulary, cancellationToken);
                var embedded = await embedder.EmbedAsync([query], EmbedOptions.Default, cancellationToken: cancellationToken);
                if (embedded.Missing[0]) problems.Add(new NeighbourList(id, [], new HashSet<string>(), TimeSpan.Zero, $"'{query}' has no known word for {embedder.Info.DisplayName}."));
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
    public int? IndexSize(string embedderId, string vocabulary) =>
        _indexes.TryGetValue((embedderId, vocabulary), out var lazy) && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result.Count : null;

    public Task<VectorIndex> IndexAsync(string embedderId, string vocabulary, CancellationToken cancellationToken = default) =>
        IndexAsync(registry.Get(embedderId), vocabulary, cancellationToken);

    private Task<VectorIndex> IndexAsync(IEmbedder embedder, string vocabulary, CancellationToken cancellationToken)
    {
        var lazy = _indexes.GetOrAdd((embedder.Info.Id, vocabulary), key => new Lazy<Task<VectorIndex>>(() => BuildAsync(embedder, key.Vocabulary)));
        if (lazy.Value.IsFaulted)
        {
            _indexes.TryRemove(new((embedder.Info.Id, vocabulary), lazy)); // let a later query try again
        }

        return lazy.Value.WaitAsync(cancellationToken);
    }

    private async Task<VectorIndex> BuildAsync(IEmbedder embedder, string vocabulary)
    {
        IReadOnlyList<string> labels;
        if (vocabulary == "words")
        {
            labels = Glove()?.Vectors.Words.Take(WordVocabularySize).ToList() ?? throw new InvalidOperationException("GloVe is not installed, so there is no word list.");
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

        var batch = await embedder.EmbedAsync(labels, EmbedOptions.Default with { BatchSize = 64 });
        return new VectorIndex(labels, batch);
    }

    private StaticWordEmbedder? Glove() =>
        registry.Installed.Any(e => e.Id == ModelLayout.GloveId) ? registry.Get(ModelLayout.GloveId) as StaticWordEmbedder : null;
}
