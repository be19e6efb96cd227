using System.Collections.Concurrent;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Core.Probes;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Probes;

public sealed record EmbedderReport(string EmbedderId, string Name, bool IsGeneral, AntonymPolarityReport? Report, string? Problem);

public sealed record EmbedderAnalogy(string EmbedderId, string Name, AnalogyAnswers Answers);

/// <summary>
/// Antonym-polarity probe and analogy explorer over the word vocabulary of every embedder, using the
/// built-in WordNet antonym/synonym pairs and AFINN polarity. Reports are computed once per embedder.
/// </summary>
public sealed class LexiconProbeService(NeighbourProbeService neighbours, IEmbedderRegistry registry, DatasetStore datasets)
{
    public const string AntonymsName = "WordNet antonym pairs (built-in)";
    public const string SynonymsName = "WordNet synonym pairs (built-in)";
    public const string AfinnName = "AFINN-165 word polarity (built-in)";
    private readonly ConcurrentDictionary<string, Lazy<Task<EmbedderReport>>> _reports = new(StringComparer.Ordinal);

    /// <param name="context">Each word alone (null) or in context of a dataset's texts: the word vocabulary is then the words that occur there.</param>
    public async Task<IReadOnlyList<EmbedderReport>> AntonymReportsAsync(WordContextOptions? context = null, CancellationToken cancellationToken = default)
    {
        var results = new List<EmbedderReport>();
        foreach (var info in registry.Installed)
        {
            var key = info.Id + "|" + NeighbourProbeService.ContextKey(context);
            var lazy = _reports.GetOrAdd(key, _ => new Lazy<Task<EmbedderReport>>(() => ComputeAsync(info, context)));
            var report = await lazy.Value.WaitAsync(cancellationToken);
            if (report.Problem is not null) _reports.TryRemove(key, out _); // try again next time
            results.Add(report);
        }

        return results;
    }

    /// <summary>
    /// One word pair side by side under every embedder, over the same word vocabulary: their cosine,
    /// where b ranks among a's neighbours, and a's nearest neighbours.
    /// </summary>
    public async Task<IReadOnlyList<PairView>> PairAsync(string a, string b, int k = 10, WordContextOptions? context = null, CancellationToken cancellationToken = default)
    {
        a = a.Trim().ToLowerInvariant();
        b = b.Trim().ToLowerInvariant();
        var views = new List<PairView>();
        foreach (var info in registry.Installed)
        {
            var index = await neighbours.IndexAsync(info.Id, "words", context, cancellationToken);
            if (!index.Contains(a) || !index.Contains(b))
            {
                var missing = string.Join(" and ", new[] { a, b }.Where(w => !index.Contains(w)).Select(w => $"'{w}'"));
                views.Add(new PairView(info.Id, info.DisplayName, null, null, [], $"{missing} not among the {index.Count:N0} words for {info.DisplayName}."));
                continue;
            }

            var rank = index.RankOf(index.Vector(a), b, new HashSet<string>(StringComparer.Ordinal) { a });
            views.Add(new PairView(info.Id, info.DisplayName, index.Cosine(a, b), rank, index.Query(a, k), null));
        }

        return views;
    }

    /// <param name="context">Each word alone (null) or in context of a dataset's texts (the same word vocabulary as the antonym probe's).</param>
    public async Task<IReadOnlyList<EmbedderAnalogy>> AnalogyAsync(string a, string b, string c, WordContextOptions? context = null, CancellationToken cancellationToken = default)
    {
        var results = new List<EmbedderAnalogy>();
        foreach (var info in registry.Installed)
        {
            var index = await neighbours.IndexAsync(info.Id, "words", context, cancellationToken);
            results.Add(new EmbedderAnalogy(info.Id, info.DisplayName, AnalogyExplorer.Solve(index, a.Trim().ToLowerInvariant(), b.Trim().ToLowerInvariant(), c.Trim().ToLowerInvariant())));
        }

        return results;
    }

    private async Task<EmbedderReport> ComputeAsync(EmbedderInfo info, WordContextOptions? context)
    {
        try
        {
            var all = await datasets.ListAsync();
            async Task<IReadOnlyList<T>> Load<T>(string name) => all.FirstOrDefault(d => d.Name == name) is { } d
                ? await datasets.LoadItemsAsync<T>(d.Id)
                : throw new InvalidOperationException($"The built-in dataset '{name}' is not imported yet (see the Datasets page).");
            var antonyms = await Load<WordPair>(AntonymsName);
            var synonyms = await Load<WordPair>(SynonymsName);
            var polarity = await Load<WordPolarity>(AfinnName);
            var index = await neighbours.IndexAsync(info.Id, "words", context);
            var report = await Task.Run(() => AntonymPolarityProbe.Run(index, antonyms, synonyms, polarity));
            return new EmbedderReport(info.Id, info.DisplayName, info.IsGeneral, report, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException)
        {
            return new EmbedderReport(info.Id, info.DisplayName, info.IsGeneral, null, ex.Message);
        }
    }
}

/// <summary>A word pair under one embedder: cosine, b's rank among a's neighbours (1 = nearest), a's neighbours.</summary>
public sealed record PairView(string EmbedderId, string Name, float? Cosine, int? RankOfB, IReadOnlyList<Neighbour> NeighboursOfA, string? Problem);
