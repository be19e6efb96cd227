using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// For each query, the training passage the start model finds most similar apart from the query's own positive: the
/// negative the model currently confuses most, which in-batch negatives (random passages) rarely supply.
/// </summary>
internal static class HardNegativeMiner
{
    private const int Batch = 32;

    /// <returns>Per query, the key of its hard negative, or -1 when there is no other passage.</returns>
    public static int[] Mine(TorchBertEncoder encoder, FineTuneTokenizer tokenizer, IReadOnlyList<int[]> queries, IReadOnlyList<int[]> passages, IReadOnlyList<int> positiveKey, CancellationToken cancellationToken)
    {
        var result = Enumerable.Repeat(-1, queries.Count).ToArray();
        if (passages.Count < 2) return result;
        encoder.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var passageVectors = EmbedAll(encoder, tokenizer, passages, cancellationToken);       // [P, d]
        for (var from = 0; from < queries.Count; from += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, queries.Count - from);
            using var inner = NewDisposeScope();
            var q = PairFineTuner.Encode(encoder, tokenizer, queries.Skip(from).Take(count).ToList());
            var similarity = matmul(q, passageVectors.t());                                    // [count, P]
            for (var r = 0; r < count; r++)
            {
                similarity[r, positiveKey[from + r]].fill_(float.NegativeInfinity); // its own positive is not a negative
            }

            var best = similarity.argmax(1).data<long>().ToArray();
            for (var r = 0; r < count; r++) result[from + r] = (int)best[r];
            inner.Dispose();
            NativeHeap.Trim();
        }

        return result;
    }

    private static Tensor EmbedAll(TorchBertEncoder encoder, FineTuneTokenizer tokenizer, IReadOnlyList<int[]> texts, CancellationToken cancellationToken)
    {
        var parts = new List<Tensor>();
        for (var from = 0; from < texts.Count; from += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Each batch's activations are freed at once; only its [batch, d] vectors are kept. (Holding every batch's
            // activations until the end took ~1 GB per 32 passages of 128 tokens and was killed for memory.)
            using var inner = NewDisposeScope();
            parts.Add(PairFineTuner.Encode(encoder, tokenizer, texts.Skip(from).Take(Batch).ToList()).MoveToOuterDisposeScope());
            inner.Dispose();
            NativeHeap.Trim();
        }

        return cat(parts, 0);
    }
}
