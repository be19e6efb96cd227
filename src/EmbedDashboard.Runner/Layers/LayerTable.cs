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
}

/// <summary>One layer of an encoder as an ordinary embedder, so the tasks' own evaluators score it unchanged.</summary>
internal sealed class LayerEmbedder(LayerTable table, int layer) : IEmbedder
{
    public EmbedderInfo Info { get; } = table.Info with { DisplayName = $"{table.Info.DisplayName} · layer {layer}" };

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default) =>
        table.GetAsync(layer, texts, options, cancellationToken);
}
