using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Training.Tagger;

/// <summary>
/// The table of a trained window tagger as a static embedder: a word's vector is the mean of its own
/// row (if known) and its n-gram rows, exactly the per-word vector the tagger's window was built from
/// (without the context, which belongs to the tagger, not the table); a text's vector is the mean of its
/// words' vectors. Immutable after construction, so thread-safe.
/// </summary>
public sealed partial class TaggerTableEmbedder : IEmbedder, IWordLevelEmbedder
{
    private readonly float[] _table;

    public TaggerTableEmbedder(TaggerVocabulary vocabulary, float[] table, EmbedderInfo info)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(info);
        if (table.Length != (long)vocabulary.Rows * info.Dimension) throw new ArgumentException($"The table has {table.Length} floats; {vocabulary.Rows} rows × {info.Dimension} need {(long)vocabulary.Rows * info.Dimension}.", nameof(table));
        Vocabulary = vocabulary;
        _table = table;
        Info = info;
    }

    public static TaggerTableEmbedder From(TaggerTable table, EmbedderInfo info) => new(table.Vocabulary, table.Table, info);

    public EmbedderInfo Info { get; }

    public TaggerVocabulary Vocabulary { get; }

    /// <summary>One row per input word, in order; Missing only for a word with no rows (no characters, or unseen with subwords off).</summary>
    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = sentences.SelectMany(s => s).ToList();
        return Task.FromResult(Embed(words.Count, i => [words[i]], options, progress, cancellationToken));
    }

    /// <summary>Mean of the word vectors of each text (words as the other static embedders split them, case kept for the vocabulary to decide).</summary>
    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Task.FromResult(Embed(texts.Count, i => Tokenize(texts[i]), options, progress, cancellationToken));
    }

    /// <summary>
    /// WordTokenizer's pattern (letter/digit runs, inner apostrophes kept), but without its lower-casing:
    /// a case-sensitive table must see "Paris", and a lower-casing vocabulary lower-cases by itself.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text) =>
        Word().Matches(text.Replace('\u2019', '\'')).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    private EmbeddingBatch Embed(int count, Func<int, IReadOnlyList<string>> wordsOf, EmbedOptions options, IProgress<EmbedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var dim = Info.Dimension;
        var data = new float[count * dim];
        var missing = new bool[count];
        var word = new float[dim];
        long tokens = 0, unknown = 0;
        for (var i = 0; i < count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new EmbedProgress(i, count));
            }

            var destination = data.AsSpan(i * dim, dim);
            var covered = 0;
            foreach (var w in wordsOf(i))
            {
                tokens++;
                if (!Vocabulary.IsKnown(w)) unknown++;
                if (!WordVector(w, word)) continue;
                TensorPrimitives.Add(destination, word, destination);
                covered++;
            }

            if (covered == 0)
            {
                missing[i] = true;
                continue;
            }

            TensorPrimitives.Multiply(destination, 1f / covered, destination);
            if (options.Normalize)
            {
                var norm = TensorPrimitives.Norm(destination);
                if (norm > 0) TensorPrimitives.Divide(destination, norm, destination);
            }
        }

        progress?.Report(new EmbedProgress(count, count));
        return new EmbeddingBatch(data, count, dim, missing, new EmbeddingStats(count, tokens, unknown, 1, watch.Elapsed, 0));
    }

    /// <summary>Mean of the word's rows into vector; false when it has none.</summary>
    private bool WordVector(string w, Span<float> vector)
    {
        var rows = Vocabulary.WordRows(w);
        vector.Clear();
        if (rows.Length == 0) return false;
        var dim = Info.Dimension;
        foreach (var r in rows) TensorPrimitives.Add(vector, _table.AsSpan(r * dim, dim), vector);
        TensorPrimitives.Multiply(vector, 1f / rows.Length, vector);
        return true;
    }
}
