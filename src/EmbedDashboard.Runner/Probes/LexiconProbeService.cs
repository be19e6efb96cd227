using System.Collections.Concurrent;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
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

    public async Task<IReadOnlyList<EmbedderReport>> AntonymReportsAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<EmbedderReport>();
        foreach (var info in registry.Installed)
        {
            var lazy = _reports.GetOrAdd(info.Id, _ => new Lazy<Task<EmbedderReport>>(() => ComputeAsync(info)));
            var report = await lazy.Value.WaitAsync(cancellationToken);
            if (report.Problem is not null) _reports.TryRemove(info.Id, out _); // try again next time
            results.Add(report);
        }

        return results;
    }

    public async Task<IReadOnlyList<EmbedderAnalogy>> AnalogyAsync(string a, string b, string c, CancellationToken cancellationToken = default)
    {
        var results = new List<EmbedderAnalogy>();
        foreach (var info in registry.Installed)
        {
            var index = await neighbours.IndexAsync(info.Id, "words", cancellationToken);
            results.Add(new EmbedderAnalogy(info.Id, info.DisplayName, AnalogyExplorer.Solve(index, a.Trim().ToLowerInvariant(), b.Trim().ToLowerInvariant(), c.Trim().ToLowerInvariant())));
        }

        return results;
    }

    private async Task<EmbedderReport> ComputeAsync(EmbedderInfo info)
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
            var index = await neighbours.IndexAsync(info.Id, "words");
            var report = await Task.Run(() => AntonymPolarityProbe.Run(index, antonyms, synonyms, polarity));
            return new EmbedderReport(info.Id, info.DisplayName, info.IsGeneral, report, null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException)
        {
            return new EmbedderReport(info.Id, info.DisplayName, info.IsGeneral, null, ex.Message);
        }
    }
}
