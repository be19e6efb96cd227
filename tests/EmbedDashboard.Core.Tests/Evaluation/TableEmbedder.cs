using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Tests.Evaluation;

/// <summary>
/// An embedder that returns given vectors; texts it does not know are Missing with a zero row (like
/// OOV words of static vectors). Records every call so tests can check batching.
/// </summary>
internal sealed class TableEmbedder(IReadOnlyDictionary<string, float[]> vectors) : IEmbedder
{
    public EmbedderInfo Info { get; } = new("table", "table", EmbedderKind.StaticWordVectors, vectors.Values.First().Length, 0, "", "", "");

    public List<IReadOnlyList<string>> Calls { get; } = [];

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (Calls) Calls.Add([.. texts]);
        var d = Info.Dimension;
        var data = new float[texts.Count * d];
        var missing = new bool[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (vectors.TryGetValue(texts[i], out var v)) v.CopyTo(data, i * d);
            else missing[i] = true;
        }

        progress?.Report(new EmbedProgress(texts.Count, texts.Count));
        return Task.FromResult(new EmbeddingBatch(data, texts.Count, d, missing, new EmbeddingStats(texts.Count, texts.Count, 0, 1, TimeSpan.FromMilliseconds(1), 0)));
    }
}
