using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Datasets;

/// <summary>What pages read about the stored datasets (importing goes through <see cref="DatasetImportService"/>).</summary>
public sealed class DatasetCatalog(DatasetStore store)
{
    /// <summary>Every dataset, or only those of the given tasks.</summary>
    public async Task<IReadOnlyList<DatasetEntity>> ListAsync(IReadOnlyCollection<TaskKind>? tasks = null, CancellationToken cancellationToken = default)
    {
        var all = await store.ListAsync(cancellationToken);
        return tasks is null ? all : all.Where(d => tasks.Contains(d.Task)).ToList();
    }

    public Task<DatasetEntity?> FindAsync(int id, CancellationToken cancellationToken = default) => store.FindAsync(id, cancellationToken);
}
