using EmbedDashboard.Core.Text;
using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Inference.Static;

/// <summary>
/// Static word vectors behind the common embedder contract: a text is the mean of its known word
/// vectors; unknown words are counted (OOV rate), and a text with no known word is a zero row flagged
/// Missing. Stateless apart from the shared, immutable vectors, so thread-safe.
/// </summary>
public sealed class StaticWordEmbedder(WordVectors vectors, EmbedderInfo info) : IEmbedder, IWordLevelEmbedder
{
    private const int ProgressEvery = 1024;

    public EmbedderInfo Info { get; } = info;

    public WordVectors Vectors { get; } = vectors;

    /// <summary>
    /// The row for a token: as written, else without apostrophes (the wink GloVe vocabulary has "dont",
    /// "obrien", no "don't"), else a possessive's stem, likewise ("paris's" → "paris", "o'brien's" → "obrien").
    /// </summary>
    public bool TryResolve(string token, out int index)
    {
        if (Vectors.TryGetIndex(token, out index))
        {
            return true;
        }

        if (!token.Contains('\''))
        {
            return false;
        }

        if (Vectors.TryGetIndex(token.Replace("'", "", StringComparison.Ordinal), out index))
        {
            return true;
        }

        var stem = token.EndsWith("'s", StringComparison.Ordinal) ? token[..^2] : null;
        return stem is not null
            && (Vectors.TryGetIndex(stem, out index) || Vectors.TryGetIndex(stem.Replace("'", "", StringComparison.Ordinal), out index));
    }

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var dim = Vectors.Dimension;
        var data = new float[texts.Count * dim];
        var missing = new bool[texts.Count];
        long tokens = 0, unknown = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            if (i % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new EmbedProgress(i, texts.Count));
            }

            var row = data.AsSpan(i * dim, dim);
            var known = 0;
            foreach (var word in WordTokenizer.Tokenize(texts[i]))
            {
                tokens++;
                if (TryResolve(word, out var index))
                {
                    TensorPrimitives.Add(row, Vectors.Vector(index), row);
                    known++;
                }
                else
                {
                    unknown++;
                }
            }

            if (known == 0)
            {
                missing[i] = true;
                continue;
            }

            TensorPrimitives.Divide(row, known, row);
            if (options.Normalize) PoolingMath.L2Normalize(row);
        }

        progress?.Report(new EmbedProgress(texts.Count, texts.Count));
        return Task.FromResult(new EmbeddingBatch(data, texts.Count, dim, missing,
            new EmbeddingStats(texts.Count, tokens, unknown, Batches(texts.Count), watch.Elapsed, 0)));
    }

    /// <summary>
    /// One raw vector per given word (lower-cased, not re-tokenised), like the encoder's raw hidden states:
    /// Normalize applies to pooled sentences only. Unknown words are Missing zero rows.
    /// </summary>
    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var dim = Vectors.Dimension;
        var total = sentences.Sum(s => s.Count);
        var data = new float[total * dim];
        var missing = new bool[total];
        var row = 0;
        long unknown = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            if (s % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new EmbedProgress(s, sentences.Count));
            }

            foreach (var word in sentences[s])
            {
                if (TryResolve(word.ToLowerInvariant().Replace('\u2019', '\''), out var index))
                {
                    Vectors.Vector(index).CopyTo(data.AsSpan(row * dim, dim));
                }
                else
                {
                    missing[row] = true;
                    unknown++;
                }

                row++;
            }
        }

        progress?.Report(new EmbedProgress(sentences.Count, sentences.Count));
        return Task.FromResult(new EmbeddingBatch(data, total, dim, missing,
            new EmbeddingStats(sentences.Count, total, unknown, Batches(sentences.Count), watch.Elapsed, 0)));
    }

    // A lookup has no batch cost, but the efficiency charts compare ms/batch; count the progress chunks.
    private static int Batches(int count) => count == 0 ? 0 : (count + ProgressEvery - 1) / ProgressEvery;
}
