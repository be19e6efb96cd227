using System.Diagnostics;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Runner.Layers;

/// <summary>
/// Every layer's pooled embedding of each text, computed once per (role, pooling, normalisation, length) by the
/// all-layers encoder and served to the per-layer views: scoring L+1 layers costs one pass through the encoder, not L+1.
/// Used by one job at a time (not thread-safe).
/// </summary>
internal sealed class LayerTable(OnnxSentenceEncoder layered, IProgress<EmbedProgress>? progress)
{
    private readonly Dictionary<(TextRole, Pooling, bool, int), Dictionary<string, float[][]>> _tables = [];

    /// <summary>Per-word vectors by max-tokens and sentence (its words joined by U+001F); null rows are Missing words.</summary>
    private readonly Dictionary<int, Dictionary<string, float[]?[][]>> _words = [];

    public EmbedderInfo Info => layered.Info;

    public int Layers => layered.LayerCount;

    /// <summary>Layer <paramref name="layer"/>'s vectors of the texts, embedding the ones not seen yet (all layers at once).</summary>
    public async Task<EmbeddingBatch> GetAsync(int layer, IReadOnlyList<string> texts, EmbedOptions options, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var key = (options.Role, options.PoolingFor(layered.Profile), options.Normalize, layered.MaxTokens(options));
        if (!_tables.TryGetValue(key, out var table)) _tables[key] = table = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        var missing = texts.Where(t => !table.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var layers = await layered.EmbedLayersAsync(missing, options, progress, cancellationToken);
            for (var i = 0; i < missing.Count; i++) table[missing[i]] = layers.Select(l => l.Row(i).ToArray()).ToArray();
        }

        var dim = layered.Info.Dimension;
        var data = new float[texts.Count * dim];
        for (var i = 0; i < texts.Count; i++) table[texts[i]][layer].CopyTo(data, i * dim);
        return new EmbeddingBatch(data, texts.Count, dim, new bool[texts.Count],
            new EmbeddingStats(texts.Count, 0, 0, 0, watch.Elapsed, texts.Count - missing.Count));
    }

    /// <summary>Layer <paramref name="layer"/>'s per-word vectors (NER), embedding the sentences not seen yet (all layers at once).</summary>
    public async Task<EmbeddingBatch> GetWordsAsync(int layer, IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var maxTokens = layered.MaxTokens(options);
        if (!_words.TryGetValue(maxTokens, out var table)) _words[maxTokens] = table = new Dictionary<string, float[]?[][]>(StringComparer.Ordinal);
        static string Key(IReadOnlyList<string> words) => string.Join('\u001f', words);
        var missing = sentences.Where(s => !table.ContainsKey(Key(s))).DistinctBy(Key).ToList();
        if (missing.Count > 0)
        {
            var layers = await layered.EmbedWordLayersAsync(missing, options, progress, cancellationToken);
            var offset = 0;
            foreach (var sentence in missing)
            {
                var start = offset;
                table[Key(sentence)] = layers.Select(l => Enumerable.Range(start, sentence.Count).Select(w => l.Missing[w] ? null : l.Row(w).ToArray()).ToArray()).ToArray();
                offset += sentence.Count;
            }
        }

        var dim = layered.Info.Dimension;
        var total = sentences.Sum(s => s.Count);
        var data = new float[total * dim];
        var absent = new bool[total];
        var row = 0;
        foreach (var sentence in sentences)
        {
            foreach (var vector in table[Key(sentence)][layer])
            {
                if (vector is null) absent[row] = true;
                else vector.CopyTo(data, row * dim);
                row++;
            }
        }

        return new EmbeddingBatch(data, total, dim, absent, new EmbeddingStats(sentences.Count, 0, 0, 0, watch.Elapsed, sentences.Count - missing.Count));
    }
}

/// <summary>One layer of an encoder as an ordinary embedder, so the tasks' own evaluators score it unchanged.</summary>
internal sealed class LayerEmbedder(LayerTable table, int layer) : IEmbedder, IWordLevelEmbedder
{
    public EmbedderInfo Info { get; } = table.Info with { DisplayName = $"{table.Info.DisplayName} · layer {layer}" };

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default) =>
        table.GetAsync(layer, texts, options, cancellationToken);

    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default) =>
        table.GetWordsAsync(layer, sentences, options, cancellationToken);
}
