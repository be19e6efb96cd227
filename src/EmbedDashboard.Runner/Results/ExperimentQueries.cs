using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Results;

/// <summary>Read side for pages and the CLI: experiments as views, newest first.</summary>
public sealed class ExperimentQueries(ExperimentStore experiments, IEmbedderRegistry registry)
{
    private readonly VerdictCache _cache = new();

    // The list loads runs without their metrics, so it has no statistics to compute (nor to evict from the cache).
    public async Task<IReadOnlyList<ExperimentView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await experiments.ListAsync(cancellationToken)).Select(e => ExperimentViewBuilder.Build(e, registry.Installed)).ToList();

    public async Task<ExperimentView?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await experiments.GetAsync(id, cancellationToken) is { } e ? ExperimentViewBuilder.Build(e, registry.Installed, _cache) : null;

    /// <summary>Classification datasets item by item (best task-specific vs best general); empty when the experiment does not exist.</summary>
    /// <param name="chosen">Per dataset id, two runs the reader picked to compare; the other datasets (and a pick that no longer names two done runs) get the verdict's pair.</param>
    public async Task<IReadOnlyList<ItemContrastView>> GetItemContrastsAsync(int id, IReadOnlyDictionary<int, (int First, int Second)>? chosen = null, CancellationToken cancellationToken = default)
    {
        if (await experiments.GetAsync(id, cancellationToken) is not { } e) return [];
        return ItemContrastBuilder.Build(ExperimentViewBuilder.Build(e, registry.Installed, _cache), ExperimentViewBuilder.ItemsOf(e), chosen);
    }
}
