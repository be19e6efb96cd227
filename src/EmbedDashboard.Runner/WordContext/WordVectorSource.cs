using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.WordContext;

/// <summary>A context dataset and the word index of its texts.</summary>
public sealed record LoadedContext(Data.Entities.DatasetEntity Dataset, ContextIndex Index);

/// <summary>
/// The embedder a word task or probe uses under a <see cref="WordContextOptions"/>: the embedder itself when alone,
/// or an <see cref="InContextWordEmbedder"/> over the context dataset's texts (index built once here). Static vectors
/// have one vector per word, so they stay alone and the record says why; an encoder without per-word vectors is refused.
/// </summary>
public sealed class WordVectorSource
{
    private WordVectorSource(IEmbedder embedder, WordContextOptions options, string? notApplicable, Data.Entities.DatasetEntity? dataset)
    {
        Embedder = embedder;
        Options = options;
        NotApplicable = notApplicable;
        Dataset = dataset;
    }

    public IEmbedder Embedder { get; }

    public WordContextOptions Options { get; }

    /// <summary>Why the embedder runs alone although in context was asked for; null otherwise.</summary>
    public string? NotApplicable { get; }

    public Data.Entities.DatasetEntity? Dataset { get; }

    public InContextWordEmbedder? InContext => Embedder as InContextWordEmbedder;

    public static async Task<WordVectorSource> CreateAsync(IEmbedder embedder, IWordLevelEmbedder? wordLevel, WordContextOptions? options, DatasetStore datasets, IProgress<(double Fraction, string Message)>? progress, CancellationToken cancellationToken) =>
        await CreateAsync(embedder, wordLevel, options, ct => LoadContextAsync(datasets, options!, progress, ct), cancellationToken);

    /// <param name="context">Gives the context dataset and its index; called only when the embedder takes in-context vectors (probes cache it).</param>
    public static async Task<WordVectorSource> CreateAsync(IEmbedder embedder, IWordLevelEmbedder? wordLevel, WordContextOptions? options, Func<CancellationToken, Task<LoadedContext>> context, CancellationToken cancellationToken)
    {
        options ??= WordContextOptions.Alone;
        if (!options.InContext) return new WordVectorSource(embedder, options, null, null);
        if (WordContextOptions.NotApplicable(embedder.Info, wordLevel is not null) is { } reason)
        {
            if (embedder.Info.Kind is EmbedderKind.StaticWordVectors or EmbedderKind.TrainedEmbeddingLayer) return new WordVectorSource(embedder, options, reason + " It ran with the word alone.", null);
            throw new InvalidOperationException(reason);
        }

        var loaded = await context(cancellationToken);
        return new WordVectorSource(new InContextWordEmbedder(wordLevel!, loaded.Index, options), options, null, loaded.Dataset);
    }

    /// <summary>The context dataset the options name and the word index of its first MaxTexts texts, or a specific refusal.</summary>
    public static async Task<LoadedContext> LoadContextAsync(DatasetStore datasets, WordContextOptions options, IProgress<(double Fraction, string Message)>? progress, CancellationToken cancellationToken)
    {
        var (dataset, problem) = await ContextTexts.ResolveAsync(datasets, options.Dataset, cancellationToken);
        if (dataset is null) throw new InvalidOperationException(problem);
        progress?.Report((0, $"Indexing the words of '{dataset.Name}'"));
        var texts = await ContextTexts.LoadAsync(datasets, dataset, cancellationToken);
        var index = await Task.Run(() => new ContextIndex(texts, options.MaxTexts, cancellationToken), cancellationToken);
        return new LoadedContext(dataset, index);
    }

    /// <summary>What goes into the reproducibility record: the mode as applied, the context dataset and what was found.</summary>
    public WordContextRecord Record()
    {
        var coverage = InContext?.Coverage;
        return new WordContextRecord(
            InContext is null ? nameof(WordVectorMode.Alone) : nameof(WordVectorMode.InContext),
            Options.Mode.ToString(),
            NotApplicable,
            Dataset?.Name,
            Dataset?.ContentSha256,
            InContext is null ? null : Options.MaxOccurrences,
            InContext is null ? null : Options.MaxTexts,
            InContext is null ? null : Options.WindowWords,
            InContext?.Index.TextCount,
            coverage?.Words,
            coverage?.Covered,
            coverage?.Occurrences);
    }

    /// <summary>One sentence for the run's notes, or null when the word was embedded alone as asked.</summary>
    public string? Note()
    {
        if (NotApplicable is not null) return NotApplicable;
        if (InContext is not { } inContext) return null;
        var c = inContext.Coverage;
        return $"Words in context of '{Dataset!.Name}': each the mean of its first {Options.MaxOccurrences} occurrence(s) (±{Options.WindowWords} words) "
            + $"in the first {inContext.Index.TextCount:N0} text(s); {c.Covered:N0} of {c.Words:N0} word(s) occur there ({c.Occurrences:N0} occurrences), the others are not covered.";
    }
}
