namespace EmbedDashboard.Core.Embeddings;

/// <summary>
/// Retrieval and QA embed two kinds of text: queries and the passages they should find. Encoders trained
/// for retrieval expect each with its own prefix (arctic-embed's query instruction, E5's "query: "/"passage: "),
/// so the two are embedded in separate calls with their role, then joined: rows 0..q-1 are the queries,
/// rows q.. the passages, and the cost is the sum of both calls.
/// </summary>
public static class QueryPassageEmbedding
{
    public static async Task<EmbeddingBatch> EmbedAsync(
        IEmbedder embedder,
        IReadOnlyList<string> queries,
        IReadOnlyList<string> passages,
        EmbedOptions options,
        IProgress<EmbedProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var total = queries.Count + passages.Count;
        var q = await embedder.EmbedAsync(queries, options with { Role = TextRole.Query },
            progress is null ? null : new Progress(progress, 0, total), cancellationToken);
        var p = await embedder.EmbedAsync(passages, options with { Role = TextRole.Passage },
            progress is null ? null : new Progress(progress, queries.Count, total), cancellationToken);
        var dim = embedder.Info.Dimension;
        var data = new float[total * dim];
        q.Data.CopyTo(data, 0);
        p.Data.CopyTo(data, queries.Count * dim);
        return new EmbeddingBatch(data, total, dim, [.. q.Missing, .. p.Missing], q.Stats.Add(p.Stats));
    }

    /// <summary>Reports the second call's progress after the first one's items.</summary>
    private sealed class Progress(IProgress<EmbedProgress> inner, int offset, int total) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) => inner.Report(new EmbedProgress(offset + value.Done, total));
    }
}
