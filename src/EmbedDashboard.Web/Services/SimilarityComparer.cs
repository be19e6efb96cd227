using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Web.Services;

/// <summary>One model's answer in the "try it" box.</summary>
public sealed record PairSimilarity(EmbedderInfo Embedder, double? Cosine, TimeSpan Elapsed, string? Problem);

/// <summary>Cosine similarity of two texts under every installed embedder, for the Models page.</summary>
public sealed class SimilarityComparer(IEmbedderRegistry registry)
{
    public async Task<IReadOnlyList<PairSimilarity>> CompareAsync(string first, string second, CancellationToken cancellationToken = default)
    {
        var results = new List<PairSimilarity>();
        foreach (var info in registry.Installed)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var batch = await registry.Get(info.Id).EmbedAsync([first, second], EmbedOptions.Default, cancellationToken: cancellationToken);
                if (batch.Missing[0] || batch.Missing[1])
                {
                    results.Add(new PairSimilarity(info, null, watch.Elapsed, "No known word in one of the texts (out of vocabulary)."));
                    continue;
                }

                var cosine = TensorPrimitives.CosineSimilarity(batch.Row(0), batch.Row(1));
                results.Add(new PairSimilarity(info, cosine, watch.Elapsed, null));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results.Add(new PairSimilarity(info, null, watch.Elapsed, ex.Message));
            }
        }

        return results;
    }
}
