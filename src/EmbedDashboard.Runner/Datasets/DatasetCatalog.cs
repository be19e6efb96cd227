using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Datasets;

/// <summary>What pages read about the stored datasets (importing goes through <see cref="DatasetImportService"/>).</summary>
public sealed class DatasetCatalog(DatasetStore store)
{
    /// <summary>Every dataset, or only those of the given tasks.</summary>
    public async Task<IReadOnlyList<DatasetInfo>> ListAsync(IReadOnlyCollection<TaskKind>? tasks = null, CancellationToken cancellationToken = default)
    {
        var all = await store.ListAsync(cancellationToken);
        return all.Where(d => tasks is null || tasks.Contains(d.Task)).Select(Info).ToList();
    }

    public async Task<DatasetInfo?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await store.FindAsync(id, cancellationToken) is { } dataset ? Info(dataset) : null;

    public static DatasetInfo Info(DatasetEntity d) =>
        new(d.Id, d.Name, d.Task, d.Format, d.ItemCount, d.SkippedLines, d.Notes, d.ContentSha256, d.Source, d.License, d.IsBuiltIn, d.CreatedAt);
}
