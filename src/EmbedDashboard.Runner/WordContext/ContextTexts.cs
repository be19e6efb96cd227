using System.Globalization;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.WordContext;

/// <summary>The running texts of a dataset, where words can be found in context (one place for runs and probes).</summary>
public static class ContextTexts
{
    /// <summary>Tasks whose items hold running text; word lists, analogies and lexicons hold none.</summary>
    public static bool HasTexts(TaskKind task) => task is TaskKind.Classification or TaskKind.Ner or TaskKind.Sts
        or TaskKind.FaqRetrieval or TaskKind.QuestionAnswering;

    /// <summary>The dataset an id or exact name (case-insensitive) names, or a specific reason why it cannot give contexts.</summary>
    public static async Task<(DatasetEntity? Dataset, string? Problem)> ResolveAsync(DatasetStore datasets, string? reference, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reference)) return (null, "In-context word vectors need a context dataset (one with texts, e.g. IMDB or Reuters).");
        var known = await datasets.ListAsync(cancellationToken);
        var match = known.FirstOrDefault(d => d.Id.ToString(CultureInfo.InvariantCulture) == reference)
            ?? known.FirstOrDefault(d => string.Equals(d.Name, reference, StringComparison.OrdinalIgnoreCase));
        if (match is null) return (null, $"Unknown context dataset '{reference}'.");
        if (!HasTexts(match.Task))
        {
            return (null, $"Context dataset '{match.Name}' is a {match.Task} dataset and has no running texts; pick one with texts (classification, NER, STS, FAQ or QA), e.g. IMDB or Reuters.");
        }

        return (match, null);
    }

    /// <summary>The dataset's texts in stored order, each distinct text once.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(DatasetStore datasets, DatasetEntity dataset, CancellationToken cancellationToken = default)
    {
        IEnumerable<string> texts = dataset.Task switch
        {
            TaskKind.Classification => (await datasets.LoadItemsAsync<LabeledText>(dataset.Id, cancellationToken)).Select(t => t.Text),
            TaskKind.Ner => (await datasets.LoadItemsAsync<TaggedSentence>(dataset.Id, cancellationToken)).Select(s => string.Join(' ', s.Tokens)),
            TaskKind.Sts => (await datasets.LoadItemsAsync<ScoredPair>(dataset.Id, cancellationToken)).SelectMany(p => new[] { p.A, p.B }),
            TaskKind.FaqRetrieval => (await datasets.LoadItemsAsync<FaqPair>(dataset.Id, cancellationToken)).SelectMany(p => new[] { p.Question, p.Answer }),
            TaskKind.QuestionAnswering => (await datasets.LoadItemsAsync<QaExample>(dataset.Id, cancellationToken)).Select(e => e.Context),
            _ => throw new InvalidOperationException($"Dataset '{dataset.Name}' ({dataset.Task}) has no running texts."),
        };
        return texts.Distinct(StringComparer.Ordinal).ToList();
    }
}
