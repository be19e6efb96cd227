using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Web.Tests;

/// <summary>Maps each text to a fixed 2-d vector so cosines are known by hand.</summary>
internal sealed class TableEmbedder(EmbedderInfo info, IReadOnlyDictionary<string, float[]> vectors) : IEmbedder
{
    public EmbedderInfo Info => info;

    public Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var data = new float[texts.Count * 2];
        var missing = new bool[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (vectors.TryGetValue(texts[i], out var v))
            {
                v.CopyTo(data, i * 2);
            }
            else
            {
                missing[i] = true;
            }
        }

        return Task.FromResult(new EmbeddingBatch(data, texts.Count, 2, missing, EmbeddingStats.Empty));
    }
}

internal sealed class FakeRegistry(IReadOnlyList<IEmbedder> embedders, IReadOnlyList<string>? errors = null) : IEmbedderRegistry
{
    public IReadOnlyList<EmbedderInfo> Installed => embedders.Select(e => e.Info).ToList();
    public IReadOnlyList<string> LoadErrors => errors ?? [];
    public IEmbedder Get(string id) => embedders.First(e => e.Info.Id == id);
    public IWordLevelEmbedder? GetWordLevel(string id) => null;
}
