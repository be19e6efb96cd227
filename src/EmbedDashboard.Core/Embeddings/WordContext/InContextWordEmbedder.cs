using System.Diagnostics;
using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Embeddings.WordContext;

/// <summary>What an in-context embedder found so far: distinct entries asked for, covered, and occurrences used.</summary>
public sealed record InContextCoverage(int Words, int Covered, int Occurrences, int Sentences);

/// <summary>
/// An <see cref="IEmbedder"/> over words whose vector is the mean of the word's in-context vectors: its first
/// <see cref="WordContextOptions.MaxOccurrences"/> occurrences in the context texts (text order), each cut to a
/// window of <see cref="WordContextOptions.WindowWords"/> words each side, all encoded in one
/// <see cref="IWordLevelEmbedder.EmbedWordsAsync"/> pass; a multi-word entry's occurrence is the mean over its
/// contiguous words. Entries that never occur, or whose every occurrence falls past the token limit, are Missing
/// (not covered). Normalised after averaging when the options say so. Thread-safe: the index is read-only and the
/// coverage counters are locked.
/// </summary>
public sealed class InContextWordEmbedder(IWordLevelEmbedder words, ContextIndex index, WordContextOptions context) : IEmbedder
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);
    private int _occurrences;
    private int _sentences;

    public EmbedderInfo Info => words.Info;

    public ContextIndex Index => index;

    public InContextCoverage Coverage
    {
        get
        {
            lock (_gate) return new InContextCoverage(_asked.Count, _covered.Count, _occurrences, _sentences);
        }
    }

    public async Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var watch = Stopwatch.StartNew();
        var sentences = new List<IReadOnlyList<string>>();
        var rowStart = new List<int>();
        var rows = 0;
        // Per entry: (sentence index, offset of the entry in it, words it spans) for each chosen occurrence.
        var plans = new List<(int Sentence, int Offset, int Words)>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plans[i] = [];
            foreach (var occurrence in index.Find(texts[i], context.MaxOccurrences))
            {
                var (window, offset) = index.Window(occurrence, context.WindowWords);
                plans[i].Add((sentences.Count, offset, occurrence.Words));
                sentences.Add(window);
                rowStart.Add(rows);
                rows += window.Count;
            }
        }

        var dim = words.Info.Dimension;
        var data = new float[texts.Count * dim];
        var missing = new bool[texts.Count];
        var encoded = sentences.Count == 0
            ? null
            : await words.EmbedWordsAsync(sentences, options with { Normalize = false }, progress, cancellationToken);
        var used = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var target = data.AsSpan(i * dim, dim);
            var n = 0;
            foreach (var (sentence, offset, span) in plans[i])
            {
                var first = rowStart[sentence] + offset;
                // An occurrence counts only when all its words got a vector (none cut off by the token limit).
                if (Enumerable.Range(first, span).Any(r => encoded!.Missing[r])) continue;
                var occurrence = new float[dim];
                for (var w = 0; w < span; w++) TensorPrimitives.Add(occurrence, encoded!.Row(first + w), occurrence);
                if (span > 1) TensorPrimitives.Divide(occurrence, span, occurrence);
                TensorPrimitives.Add(target, occurrence, target);
                n++;
            }

            if (n == 0)
            {
                missing[i] = true;
                continue;
            }

            used += n;
            TensorPrimitives.Divide(target, n, target);
            if (options.Normalize)
            {
                var norm = TensorPrimitives.Norm(target);
                if (norm > 0) TensorPrimitives.Divide(target, norm, target);
            }
        }

        lock (_gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                _asked.Add(texts[i]);
                if (!missing[i]) _covered.Add(texts[i]);
            }

            _occurrences += used;
            _sentences += sentences.Count;
        }

        var inner = encoded?.Stats ?? EmbeddingStats.Empty;
        progress?.Report(new EmbedProgress(sentences.Count, sentences.Count));
        return new EmbeddingBatch(data, texts.Count, dim, missing, inner with { Elapsed = watch.Elapsed });
    }
}
