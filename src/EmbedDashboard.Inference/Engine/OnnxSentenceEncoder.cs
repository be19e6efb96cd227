using System.Buffers;
using System.Diagnostics;
using EmbedDashboard.Core.Embeddings;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// The shared transformer engine: one ONNX Runtime session and one BERT tokenizer, loaded once and
/// used by every worker and page. Texts are sorted by length and batched (padding only to the
/// longest in each batch); results come back in input order. Thread-safe: InferenceSession.Run is.
/// </summary>
public sealed class OnnxSentenceEncoder : IEmbedder, IWordLevelEmbedder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _inputNames;
    private readonly string _outputName;
    private readonly EmbeddingCache _cache;
    private readonly int _clsId;
    private readonly int _sepId;
    private readonly int _unkId;

    public OnnxSentenceEncoder(string modelPath, string vocabPath, EmbedderInfo info, int intraOpThreads = 0, EmbeddingCache? cache = null)
    {
        foreach (var path in new[] { modelPath, vocabPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Model file not found: {Path.GetFullPath(path)}", path);
            }
        }

        Info = info;
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        _session = new InferenceSession(modelPath, options);
        _inputNames = [.. _session.InputNames];
        _outputName = _session.OutputNames.Contains("last_hidden_state") ? "last_hidden_state" : _session.OutputNames[0];
        _tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true });
        _clsId = _tokenizer.ClassificationTokenId;
        _sepId = _tokenizer.SeparatorTokenId;
        _unkId = _tokenizer.UnknownTokenId;
        _cache = cache ?? new EmbeddingCache();
    }

    public EmbedderInfo Info { get; }

    /// <summary>Token ids with [CLS] … [SEP], truncated to maxTokens.</summary>
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
        var data = new float[texts.Count * dim];
        var signature = $"{options.Pooling}|{options.Normalize}|{options.MaxTokens}";
        var todo = new List<(int Index, string Key, IReadOnlyList<int> Ids)>();
        long tokens = 0, unknown = 0;
        var hits = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var key = EmbeddingCache.Key(Info.Id, signature, texts[i]);
            if (_cache.TryGet(key, out var cached))
            {
                cached.CopyTo(data, i * dim);
                hits++;
                continue;
            }

            var ids = Tokenize(texts[i], options.MaxTokens);
            tokens += ids.Count;
            unknown += ids.Count(id => id == _unkId);
            todo.Add((i, key, ids));
        }

        // Longest first so the first batch shows the worst-case cost; similar lengths share a batch.
        todo.Sort((a, b) => b.Ids.Count.CompareTo(a.Ids.Count));
        var batches = 0;
        for (var start = 0; start < todo.Count; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = todo.GetRange(start, Math.Min(options.BatchSize, todo.Count - start));
            await Task.Run(() => RunBatch(batch.Select(b => b.Ids).ToList(), (row, hidden, mask, seq) =>
            {
                var destination = data.AsSpan(batch[row].Index * dim, dim);
                if (options.Pooling == Pooling.Cls) PoolingMath.ClsPool(hidden, dim, destination);
                else PoolingMath.MeanPool(hidden, mask, dim, destination);
                if (options.Normalize) PoolingMath.L2Normalize(destination);
                _cache.Add(batch[row].Key, destination.ToArray());
            }), cancellationToken);
            batches++;
            progress?.Report(new EmbedProgress(Math.Min(start + batch.Count, todo.Count) + hits, texts.Count));
        }

        return new EmbeddingBatch(data, texts.Count, dim, new bool[texts.Count],
            new EmbeddingStats(texts.Count, tokens, unknown, batches, watch.Elapsed, hits));
    }

    public async Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var dim = Info.Dimension;
        var totalWords = sentences.Sum(s => s.Count);
        var data = new float[totalWords * dim];
        var missing = new bool[totalWords];
        var sequences = new List<(IReadOnlyList<int> Ids, int[] FirstToken, int WordOffset)>();
        long tokens = 0, unknown = 0;
        var offset = 0;
        foreach (var sentence in sentences)
        {
            var ids = new List<int> { _clsId };
            var first = new int[sentence.Count];
            for (var w = 0; w < sentence.Count; w++)
            {
                var pieces = _tokenizer.EncodeToIds(sentence[w], addSpecialTokens: false);
                if (pieces.Count == 0) pieces = [_unkId];
                if (ids.Count + pieces.Count >= options.MaxTokens)
                {
                    first[w] = -1; // truncated: no context vector for this word
                    missing[offset + w] = true;
                    continue;
                }

                first[w] = ids.Count;
                ids.AddRange(pieces);
                unknown += pieces.Count(p => p == _unkId);
            }

            ids.Add(_sepId);
            tokens += ids.Count;
            sequences.Add((ids, first, offset));
            offset += sentence.Count;
        }

        var order = Enumerable.Range(0, sequences.Count).OrderByDescending(i => sequences[i].Ids.Count).ToList();
        var batches = 0;
        for (var start = 0; start < order.Count; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.GetRange(start, Math.Min(options.BatchSize, order.Count - start));
            await Task.Run(() => RunBatch(batch.Select(i => sequences[i].Ids).ToList(), (row, hidden, _, _) =>
            {
                var s = sequences[batch[row]];
                for (var w = 0; w < s.FirstToken.Length; w++)
                {
                    if (s.FirstToken[w] < 0) continue;
                    hidden.Slice(s.FirstToken[w] * dim, dim).CopyTo(data.AsSpan((s.WordOffset + w) * dim, dim));
                }
            }), cancellationToken);
            batches++;
            progress?.Report(new EmbedProgress(Math.Min(start + batch.Count, order.Count), order.Count));
        }

        return new EmbeddingBatch(data, totalWords, dim, missing, new EmbeddingStats(sentences.Count, tokens, unknown, batches, watch.Elapsed, 0));
    }

    private delegate void RowHandler(int row, ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, int sequenceLength);

    /// <summary>Pads one batch to its longest sequence, runs the session and hands each row's hidden states to the handler.</summary>
    private void RunBatch(IReadOnlyList<IReadOnlyList<int>> batch, RowHandler handle)
    {
        var rows = batch.Count;
        var seq = batch.Max(b => b.Count);
        var size = rows * seq;
        var ids = ArrayPool<long>.Shared.Rent(size);
        var mask = ArrayPool<long>.Shared.Rent(size);
        var types = ArrayPool<long>.Shared.Rent(size);
        try
        {
            Array.Clear(ids, 0, size);
            Array.Clear(mask, 0, size);
            Array.Clear(types, 0, size);
            for (var r = 0; r < rows; r++)
            {
                for (var t = 0; t < batch[r].Count; t++)
                {
                    ids[r * seq + t] = batch[r][t];
                    mask[r * seq + t] = 1;
                }
            }

            long[] shape = [rows, seq];
            var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
            try
            {
                foreach (var name in _inputNames)
                {
                    var buffer = name switch
                    {
                        "input_ids" => ids,
                        "attention_mask" => mask,
                        "token_type_ids" => types,
                        _ => throw new InvalidOperationException($"Model input '{name}' is not one of input_ids, attention_mask, token_type_ids."),
                    };
                    inputs[name] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<long>(buffer, 0, size), shape);
                }

                using var runOptions = new RunOptions();
                using var outputs = _session.Run(runOptions, inputs, [_outputName]);
                var hidden = outputs[0].GetTensorDataAsSpan<float>();
                var dim = Info.Dimension;
                for (var r = 0; r < rows; r++)
                {
                    handle(r, hidden.Slice(r * seq * dim, seq * dim), mask.AsSpan(r * seq, seq), seq);
                }
            }
            finally
            {
                foreach (var value in inputs.Values) value.Dispose();
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
        }
    }

    public void Dispose() => _session.Dispose();
}
