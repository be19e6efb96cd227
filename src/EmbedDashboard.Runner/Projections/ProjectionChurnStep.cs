using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Runner.Projections;

/// <summary>
/// The neighbour-churn part of a projection job: the projection's own points (same sample, same order) embedded by the
/// comparison embedder too — cheap when the embedding store has them — and each point's k nearest neighbours compared.
/// </summary>
internal static class ProjectionChurnStep
{
    /// <param name="firstData">The projection's vectors, row r = point r (dataset item <paramref name="itemOfRow"/>[r]).</param>
    /// <param name="progress">Fractions in [0, 1] of this step, with a message.</param>
    public static async Task<ProjectionChurn> ComputeAsync(IEmbedder first, IEmbedder second, float[] firstData, int firstDimension,
        IReadOnlyList<int> itemOfRow, IReadOnlyList<string> texts, int k, Action<double, string> progress, CancellationToken cancellationToken)
    {
        var n = itemOfRow.Count;
        progress(0, $"Embedding {n:N0} texts with {second.Info.DisplayName} to compare neighbours");
        var batch = await second.EmbedAsync(texts, EmbedOptions.Default,
            new Progress<EmbedProgress>(p => progress(0.5 * p.Done / Math.Max(1, p.Total), $"Embedding {p.Done:N0}/{p.Total:N0} texts with {second.Info.DisplayName}")),
            cancellationToken);

        // Only points with a direction under both embedders have cosine neighbours in both; the rest are counted, not guessed.
        var kept = Enumerable.Range(0, n).Where(r => !batch.Missing[r] && HasDirection(batch.Row(r)) && HasDirection(firstData.AsSpan(r * firstDimension, firstDimension))).ToArray();
        if (kept.Length < 2)
        {
            throw new ProjectionRequestException($"{second.Info.DisplayName} gave vectors for only {kept.Length} of the {n:N0} points; neighbour churn needs at least 2.");
        }

        var d2 = batch.Dimension;
        var a = new float[kept.Length * firstDimension];
        var b = new float[kept.Length * d2];
        for (var r = 0; r < kept.Length; r++)
        {
            firstData.AsSpan(kept[r] * firstDimension, firstDimension).CopyTo(a.AsSpan(r * firstDimension));
            batch.Row(kept[r]).CopyTo(b.AsSpan(r * d2));
        }

        progress(0.5, $"Comparing {kept.Length:N0} points' {k} nearest neighbours");
        var result = await Task.Run(() => NeighbourChurn.Compute(a, firstDimension, b, d2, kept.Length, k,
            new Progress<double>(f => progress(0.5 + 0.5 * f, $"Neighbour churn: {f:P0}")), cancellationToken), cancellationToken);
        return ProjectionChurn.From(result, kept.Select(r => itemOfRow[r]).ToArray(), Facts(first.Info), Facts(second.Info), n - kept.Length);
    }

    private static bool HasDirection(ReadOnlySpan<float> row) => TensorPrimitives.Norm(row) is var norm && norm > 0 && float.IsFinite(norm);

    private static ChurnEmbedder Facts(EmbedderInfo info) => new(info.Id, info.DisplayName, info.Kind.ToString(), info.IsGeneral, info.ModelFileSha256);
}
