using System.Diagnostics;
using System.Globalization;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;

namespace EmbedDashboard.Inference.Engine;

public sealed partial class OnnxSentenceEncoder
{
    private const string LayerOutputPrefix = "hidden_state_";
    private readonly string[] _layerOutputs = [];

    /// <summary>Hidden states this session outputs per layer (0 = embedding layer); 0 for an ordinary model.</summary>
    public int LayerCount => _layerOutputs.Length;

    /// <summary>
    /// The same encoder with every layer's hidden state as an output: its weights read back from this model's ONNX (which
    /// must come from <see cref="BertOnnxExporter"/>, with config.json beside it), re-exported with all layers, held in
    /// memory (nothing is written next to the model). Same tokenizer, profile and info, so layer L pools exactly as the
    /// ordinary encoder.
    /// </summary>
    public OnnxSentenceEncoder WithAllLayers(BertWeights? weights = null) =>
        new(ModelPath, BertOnnxExporter.ToOnnxBytes(weights ?? ReadWeights(), allLayers: true), VocabPath, Info, _intraOpThreads, EmbeddingCache.Disabled());

    /// <summary>This encoder's weights, read back from its model.onnx with config.json beside it.</summary>
    public BertWeights ReadWeights()
    {
        var config = Path.Combine(Path.GetDirectoryName(ModelPath)!, "config.json");
        if (!File.Exists(config))
        {
            throw new InvalidDataException($"{Info.DisplayName}: no config.json beside {ModelPath}, so its layers cannot be read (layer analysis needs a BERT encoder exported by this app: MiniLM, a safetensors import or a fine-tuned one).");
        }

        return ExportedBertWeights.Load(ModelPath, config);
    }

    /// <summary>
    /// Pooled embeddings of every layer in one pass: result[i] is layer i (0 = the embedding layer), each batch with row j
    /// for texts[j]. Tokenised, prefixed, pooled and normalised as <see cref="EmbedAsync"/> does; not cached.
    /// </summary>
    public async Task<IReadOnlyList<EmbeddingBatch>> EmbedLayersAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_layerOutputs.Length == 0) throw new InvalidOperationException($"{Info.DisplayName}'s session has no per-layer outputs; use {nameof(WithAllLayers)}().");
        var watch = Stopwatch.StartNew();
        var dim = Info.Dimension;
        var maxTokens = MaxTokens(options);
        var pooling = options.PoolingFor(_profile);
        var prefix = _profile.PrefixFor(options.Role);
        var layers = _layerOutputs.Select(_ => new float[texts.Count * dim]).ToArray();
        var todo = new List<Pending>(texts.Count);
        long tokens = 0, unknown = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var ids = Tokenize(prefix.Length == 0 ? texts[i] : prefix + texts[i], maxTokens);
            tokens += ids.Count;
            unknown += ids.Count(id => id == _unkId);
            todo.Add(new Pending(i, null, ids));
        }

        todo.Sort((a, b) => b.Ids.Count.CompareTo(a.Ids.Count));
        var plan = BatchPlanner.Plan(todo.ConvertAll(t => t.Ids.Count), options.BatchSize);
        foreach (var (start, count) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = todo.GetRange(start, count);
            await Task.Run(() => RunBatch(batch.ConvertAll(b => b.Ids), _layerOutputs, (layer, row, hidden, mask) =>
                Pool(hidden, mask, pooling, options.Normalize, layers[layer].AsSpan(batch[row].Index * dim, dim))), cancellationToken);
            progress?.Report(new EmbedProgress(start + count, texts.Count));
        }

        var stats = new EmbeddingStats(texts.Count, tokens, unknown, plan.Count, watch.Elapsed, 0);
        return layers.Select(data => new EmbeddingBatch(data, texts.Count, dim, new bool[texts.Count], stats)).ToList();
    }

    /// <summary>
    /// Per-word vectors of every layer in one pass (NER): result[i] is layer i, laid out as <see cref="EmbedWordsAsync"/>
    /// lays them out (first sub-token of each word; words past MaxTokens Missing).
    /// </summary>
    public Task<IReadOnlyList<EmbeddingBatch>> EmbedWordLayersAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_layerOutputs.Length == 0) throw new InvalidOperationException($"{Info.DisplayName}'s session has no per-layer outputs; use {nameof(WithAllLayers)}().");
        return EmbedWordOutputsAsync(sentences, options, _layerOutputs, progress, cancellationToken);
    }

    private static string[] LayerOutputs(IReadOnlyList<string> outputNames) => outputNames
        .Where(n => n.StartsWith(LayerOutputPrefix, StringComparison.Ordinal))
        .OrderBy(n => int.Parse(n.AsSpan(LayerOutputPrefix.Length), CultureInfo.InvariantCulture))
        .ToArray();
}
