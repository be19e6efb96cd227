using System.Diagnostics;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Inference.Engine;

public sealed partial class OnnxSentenceEncoder
{
    /// <summary>
    /// Contextual word vectors for NER: each sentence is encoded once; each word gets the hidden state of
    /// its first sub-token (the usual BERT token-classification choice). Words are tokenised one by one so
    /// word → token offset is exact. Words past MaxTokens are Missing (zero rows), not silently dropped.
    /// Raw hidden states: Normalize and Pooling apply to sentence embeddings only. Not cached.
    /// </summary>
    public async Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default) =>
        (await EmbedWordOutputsAsync(sentences, options, [_outputName], progress, cancellationToken))[0];

    /// <summary>
    /// The one word-vector pass: sentences tokenised word by word, batched by length, and each word's first sub-token
    /// row copied out of every named output (the last hidden state, or every layer's). result[i] is output i.
    /// </summary>
    private async Task<IReadOnlyList<EmbeddingBatch>> EmbedWordOutputsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, string[] outputs, IProgress<EmbedProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var dim = Info.Dimension;
        var maxTokens = MaxTokens(options);
        var totalWords = sentences.Sum(s => s.Count);
        var data = outputs.Select(_ => new float[totalWords * dim]).ToArray();
        var missing = new bool[totalWords];
        var sequences = new List<WordSequence>(sentences.Count);
        long tokens = 0, unknown = 0;
        var offset = 0;
        foreach (var sentence in sentences)
        {
            var layout = TokenizeWords(sentence, maxTokens);
            for (var w = 0; w < sentence.Count; w++) missing[offset + w] = layout.FirstToken[w] < 0;
            unknown += layout.UnknownCount;
            tokens += layout.Ids.Length;
            sequences.Add(new WordSequence(layout.Ids, layout.FirstToken, offset));
            offset += sentence.Count;
        }

        var order = Enumerable.Range(0, sequences.Count).OrderByDescending(i => sequences[i].Ids.Length).ToList();
        var plan = BatchPlanner.Plan(order.ConvertAll(i => sequences[i].Ids.Length), options.BatchSize);
        foreach (var (start, count) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.GetRange(start, count);
            await Task.Run(() => RunBatch(batch.ConvertAll(i => (IReadOnlyList<int>)sequences[i].Ids), outputs, (output, row, hidden, _) =>
            {
                var s = sequences[batch[row]];
                for (var w = 0; w < s.FirstToken.Length; w++)
                {
                    if (s.FirstToken[w] >= 0) hidden.Slice(s.FirstToken[w] * dim, dim).CopyTo(data[output].AsSpan((s.WordOffset + w) * dim, dim));
                }
            }), cancellationToken);
            progress?.Report(new EmbedProgress(start + count, order.Count));
        }

        var stats = new EmbeddingStats(sentences.Count, tokens, unknown, plan.Count, watch.Elapsed, 0);
        return data.Select((d, i) => new EmbeddingBatch(d, totalWords, dim, i == 0 ? missing : (bool[])missing.Clone(), stats)).ToList();
    }

    /// <summary>The sentence's token ids and each word's first-token index (-1 = past maxTokens), as EmbedWordsAsync lays them out.</summary>
    public WordTokens TokenizeWords(IReadOnlyList<string> words, int maxTokens) =>
        WordTokenLayout.Build(words, w => _tokenizer.EncodeToIds(w, addSpecialTokens: false), _clsId, _sepId, _unkId, maxTokens);

    private sealed record WordSequence(int[] Ids, int[] FirstToken, int WordOffset);
}
