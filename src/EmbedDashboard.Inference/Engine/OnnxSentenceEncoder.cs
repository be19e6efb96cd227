using System.Diagnostics;
using System.Text.Json;
using EmbedDashboard.Core.Embeddings;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// The shared transformer engine: one ONNX Runtime session and one BERT tokenizer, loaded once and
/// used by every worker and page. Texts are sorted by token length and batched (padding only to the
/// longest in each batch, at most BatchSize rows and <see cref="BatchPlanner.DefaultMaxPaddedTokens"/>
/// padded positions); results come back in input order. Thread-safe: InferenceSession.Run and
/// the tokenizer may be called concurrently, and all per-call state lives on the stack of the call.
/// </summary>
public sealed partial class OnnxSentenceEncoder : IEmbedder, IWordLevelEmbedder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _inputNames;
    private readonly string _outputName;
    private readonly EmbeddingCache _cache;
    private readonly int _maxPositions;
    private readonly int _clsId;
    private readonly int _sepId;
    private readonly int _unkId;
    private readonly EncoderProfile _profile;
    private readonly int _intraOpThreads;

    /// <param name="intraOpThreads">ONNX Runtime intra-op threads; 0 = its default (all cores).</param>
    /// <param name="cache">Shared cache; null = a private one with the default budget. Use <see cref="EmbeddingCache.Disabled"/> to measure.</param>
    public OnnxSentenceEncoder(string modelPath, string vocabPath, EmbedderInfo info, int intraOpThreads = 0, EmbeddingCache? cache = null)
        : this(modelPath, null, vocabPath, info, intraOpThreads, cache)
    {
    }

    /// <param name="modelBytes">The graph to run instead of the file at modelPath (which still locates config.json); null = the file.</param>
    private OnnxSentenceEncoder(string modelPath, byte[]? modelBytes, string vocabPath, EmbedderInfo info, int intraOpThreads, EmbeddingCache? cache)
    {
        foreach (var path in new[] { modelPath, vocabPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Model file not found: {Path.GetFullPath(path)}", Path.GetFullPath(path));
            }
        }

        Info = info;
        ModelPath = Path.GetFullPath(modelPath);
        VocabPath = Path.GetFullPath(vocabPath);
        _intraOpThreads = intraOpThreads;
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        _session = modelBytes is null ? new InferenceSession(modelPath, options) : new InferenceSession(modelBytes, options);
        try
        {
            _inputNames = [.. _session.InputNames];
            _outputName = _session.OutputNames.Contains("last_hidden_state") ? "last_hidden_state" : _session.OutputNames[0];
            _layerOutputs = LayerOutputs(_session.OutputNames);
            var hidden = _session.OutputMetadata[_outputName].Dimensions[^1];
            if (hidden > 0 && hidden != info.Dimension)
            {
                throw new InvalidDataException($"{Path.GetFullPath(modelPath)} outputs {hidden}-d vectors but the embedder is declared {info.Dimension}-d.");
            }
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        _profile = info.Profile ?? EncoderProfile.Default;
        _tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = _profile.LowerCase });
        _clsId = _tokenizer.ClassificationTokenId;
        _sepId = _tokenizer.SeparatorTokenId;
        _unkId = _tokenizer.UnknownTokenId;
        _maxPositions = ReadMaxPositions(modelPath);
        _cache = cache ?? new EmbeddingCache();
    }

    public EmbedderInfo Info { get; }

    /// <summary>The model.onnx this encoder was loaded from (beside it: config.json for BERT models this app exported).</summary>
    public string ModelPath { get; }

    public string VocabPath { get; }

    /// <summary>Token ids with [CLS] … [SEP], truncated to maxTokens (as Hugging Face truncates: keep the head).</summary>
    public IReadOnlyList<int> Tokenize(string text, int maxTokens)
    {
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var keep = Math.Min(ids.Count, Math.Max(0, maxTokens - 2));
        var result = new int[keep + 2];
        result[0] = _clsId;
        for (var i = 0; i < keep; i++) result[i + 1] = ids[i];
        result[^1] = _sepId;
        return result;
    }

    public async Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var dim = Info.Dimension;
        var maxTokens = MaxTokens(options);
        var data = new float[texts.Count * dim];
        var pooling = options.PoolingFor(_profile);
        var prefix = _profile.PrefixFor(options.Role);
        // Keyed by the model file's SHA-256 when known (the same weights share vectors under any id, and a changed file
        // never serves old ones); only such keys go to the on-disk store. The prefix is both a key part and part of the text.
        var persistent = Info.ModelFileSha256.Length > 0;
        var identity = persistent ? $"sha256:{Info.ModelFileSha256}" : $"id:{Info.Id}";
        var signature = $"{pooling}|{options.Normalize}|{maxTokens}|{prefix.Length}:{prefix}";
        var todo = new List<Pending>(texts.Count);
        long tokens = 0, unknown = 0;
        var hits = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var text = prefix.Length == 0 ? texts[i] : prefix + texts[i];
            var key = _cache.Enabled ? EmbeddingCache.Key(identity, signature, text) : null;
            if (key is not null && _cache.TryGet(key, dim, persistent, out var cached))
            {
                cached.CopyTo(data, i * dim);
                hits++;
                continue;
            }

            var ids = Tokenize(text, maxTokens);
            tokens += ids.Count;
            unknown += ids.Count(id => id == _unkId);
            todo.Add(new Pending(i, key, ids));
        }

        // Longest first: similar lengths share a batch (little padding), and the first batch shows the worst-case cost.
        todo.Sort((a, b) => b.Ids.Count.CompareTo(a.Ids.Count));
        var plan = BatchPlanner.Plan(todo.ConvertAll(t => t.Ids.Count), options.BatchSize);
        foreach (var (start, count) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = todo.GetRange(start, count);
            var computed = new List<(string Key, float[] Vector)>(persistent ? count : 0);
            await Task.Run(() => RunBatch(batch.ConvertAll(b => b.Ids), (row, hidden, mask) =>
            {
                var destination = data.AsSpan(batch[row].Index * dim, dim);
                Pool(hidden, mask, pooling, options.Normalize, destination);
                if (batch[row].Key is { } key)
                {
                    var vector = destination.ToArray();
                    _cache.Add(key, vector);
                    if (persistent) computed.Add((key, vector));
                }
            }), cancellationToken);
            // After each batch, so a cancelled or killed run keeps every batch it finished.
            _cache.Persist(computed);
            progress?.Report(new EmbedProgress(hits + start + count, texts.Count));
        }

        if (todo.Count == 0)
        {
            progress?.Report(new EmbedProgress(texts.Count, texts.Count));
        }

        return new EmbeddingBatch(data, texts.Count, dim, new bool[texts.Count],
            new EmbeddingStats(texts.Count, tokens, unknown, plan.Count, watch.Elapsed, hits));
    }

    /// <summary>One text's vector from its token rows, as this encoder pools (shared by the ordinary and the per-layer path).</summary>
    private void Pool(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, Pooling pooling, bool normalize, Span<float> destination)
    {
        var dim = Info.Dimension;
        switch (pooling)
        {
            case Pooling.Cls: PoolingMath.ClsPool(hidden, dim, destination); break;
            case Pooling.Max: PoolingMath.MaxPool(hidden, mask, dim, destination); break;
            default: PoolingMath.MeanPool(hidden, mask, dim, destination); break;
        }

        if (normalize) PoolingMath.L2Normalize(destination);
    }

    private readonly record struct Pending(int Index, string? Key, IReadOnlyList<int> Ids);

    /// <summary>The profile of this encoder (pooling, normalisation, max length, prefixes, lower-casing).</summary>
    public EncoderProfile Profile => _profile;

    /// <summary>
    /// Requested MaxTokens, but never beyond the model's own max_seq_length nor its position embeddings
    /// (ONNX Runtime would fail on a gather).
    /// </summary>
    public int MaxTokens(EmbedOptions options) => Math.Clamp(Math.Min(options.MaxTokens, _profile.MaxTokens), 3, _maxPositions);

    /// <summary>max_position_embeddings from config.json beside the model; 512 (BERT's) when there is none.</summary>
    private static int ReadMaxPositions(string modelPath)
    {
        var config = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "config.json");
        if (!File.Exists(config))
        {
            return 512;
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(config));
        return doc.RootElement.TryGetProperty("max_position_embeddings", out var value) && value.TryGetInt32(out var n) && n > 2 ? n : 512;
    }

    public void Dispose() => _session.Dispose();
}
