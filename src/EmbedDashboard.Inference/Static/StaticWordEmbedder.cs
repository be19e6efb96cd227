using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Inference.Static;

/// <summary>
/// Static word vectors behind the common embedder contract: a text is the mean of its known word
/// vectors; unknown words are counted (OOV rate), and a text with no known word is flagged Missing.
/// </summary>
public sealed class StaticWordEmbedder(WordVectors vectors, EmbedderInfo info) : IEmbedder, IWordLevelEmbedder
{
    public EmbedderInfo Info { get; } = info;

    public WordVectors Vectors { get; } = vectors;

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var dim = Vectors.Dimension;
        var data = new float[texts.Count * dim];
        var missing = new bool[texts.Count];
        long tokens = 0, unknown = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            if (i % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new EmbedProgress(i, texts.Count));
            }

            var row = data.AsSpan(i * dim, dim);
            var known = 0;
            foreach (var word in WordTokenizer.Tokenize(texts[i]))
            {
                tokens++;
                if (Vectors.TryGetIndex(word, out var index))
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
            new EmbeddingStats(texts.Count, tokens, unknown, 1, watch.Elapsed, 0)));
    }

    /// <summary>One vector per word (lower-cased); unknown words are Missing.</summary>
    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var dim = Vectors.Dimension;
        var total = sentences.Sum(s => s.Count);
        var data = new float[total * dim];
        var missing = new bool[total];
        var row = 0;
        long unknown = 0;
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var word in sentence)
            {
                if (Vectors.TryGetIndex(word.ToLowerInvariant(), out var index))
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

        return Task.FromResult(new EmbeddingBatch(data, total, dim, missing, new EmbeddingStats(sentences.Count, total, unknown, 1, watch.Elapsed, 0)));
    }
}
