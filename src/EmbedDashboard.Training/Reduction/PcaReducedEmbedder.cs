using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Training.Reduction;

/// <summary>
/// A base embedder followed by a PCA projection fitted on a training split: the base's vector
/// (normalised as the base gives it) minus the training mean, onto the first k components, then
/// L2-normalised if asked. Costs what the base costs plus k·d multiply-adds per text.
/// </summary>
public sealed class PcaReducedEmbedder(Func<IEmbedder> baseEmbedder, PcaModel pca, EmbedderInfo info) : IEmbedder
{
    private readonly Lazy<IEmbedder> _base = new(baseEmbedder, LazyThreadSafetyMode.ExecutionAndPublication);

    public EmbedderInfo Info { get; } = info;

    public async Task<EmbeddingBatch> EmbedAsync(IReadOnlyList<string> texts, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var full = await _base.Value.EmbedAsync(texts, options with { Normalize = true }, progress, cancellationToken);
        var watch = Stopwatch.StartNew();
        var reduced = pca.Transform(full.Data, full.Count);
        var k = pca.Components.Length;
        for (var i = 0; i < full.Count; i++)
        {
            var row = reduced.AsSpan(i * k, k);
            if (full.Missing[i])
            {
                row.Clear();
                continue;
            }

            if (!options.Normalize) continue;
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
        }

        var stats = full.Stats with { Elapsed = full.Stats.Elapsed + watch.Elapsed };
        return new EmbeddingBatch(reduced, full.Count, k, full.Missing, stats);
    }
}
