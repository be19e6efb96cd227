using EmbedDashboard.Core.Text;
using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Training.FastText;

/// <summary>
/// The embedding table of a trained fastText-style model as an embedder: a text's vector is exactly
/// the hidden vector its classifier saw (mean of its word, bigram and n-gram rows); a word's vector is
/// the mean of its own row and its n-gram rows. Immutable after construction, so thread-safe.
/// </summary>
public sealed class TrainedTableEmbedder(FastTextVocabulary vocabulary, float[] table, EmbedderInfo info) : IEmbedder, IWordLevelEmbedder
{
    public EmbedderInfo Info { get; } = info;

    public FastTextVocabulary Vocabulary { get; } = vocabulary;

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Embed(texts.Count, i =>
        {
            var rows = Vocabulary.Features(texts[i], out var words, out var unknown);
            return (rows, words, unknown);
        }, options, progress, cancellationToken));

    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var words = sentences.SelectMany(s => s).ToList();
        return Task.FromResult(Embed(words.Count, i =>
        {
            var tokens = WordTokenizer.Tokenize(words[i]);
            var word = tokens.Count == 1 ? tokens[0] : words[i].ToLowerInvariant();
            var rows = Vocabulary.WordFeatures(word);
            var known = Vocabulary.TryGetWord(word, out _);
            return (rows, 1, known ? 0 : 1);
        }, options, progress, cancellationToken));
    }

    private EmbeddingBatch Embed(int count, Func<int, (int[] Rows, int Words, int Unknown)> featuresOf, EmbedOptions options, IProgress<EmbedProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var dim = Info.Dimension;
        var data = new float[count * dim];
        var missing = new bool[count];
        long tokens = 0, unknown = 0;
        for (var i = 0; i < count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new EmbedProgress(i, count));
            }

            var (rows, words, unknownWords) = featuresOf(i);
            tokens += words;
            unknown += unknownWords;
            var destination = data.AsSpan(i * dim, dim);
            if (rows.Length == 0)
            {
                missing[i] = true;
                continue;
            }

            foreach (var r in rows) TensorPrimitives.Add(destination, table.AsSpan(r * dim, dim), destination);
            TensorPrimitives.Multiply(destination, 1f / rows.Length, destination);
            if (options.Normalize)
            {
                var norm = TensorPrimitives.Norm(destination);
                if (norm > 0) TensorPrimitives.Divide(destination, norm, destination);
            }
        }

        progress?.Report(new EmbedProgress(count, count));
        return new EmbeddingBatch(data, count, dim, missing, new EmbeddingStats(count, tokens, unknown, 1, watch.Elapsed, 0));
    }
}
