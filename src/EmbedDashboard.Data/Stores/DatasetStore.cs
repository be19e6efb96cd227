using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

/// <summary>What describes a dataset apart from its items.</summary>
public sealed record DatasetMetadata(
    string Name,
    TaskKind Task,
    string Format,
    string ContentSha256,
    string Source,
    string? License,
    bool IsBuiltIn,
    int SkippedLines = 0,
    string? Notes = null);

public sealed class DatasetStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    /// <summary>Saves metadata and items in one transaction: a failed save leaves nothing behind.</summary>
    public async Task<DatasetEntity> SaveAsync<T>(DatasetMetadata metadata, IReadOnlyList<T> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException($"Dataset '{metadata.Name}' has no items; nothing was saved.", nameof(items));
        }

        var entity = new DatasetEntity
        {
            Name = metadata.Name,
            Task = metadata.Task,
            Format = metadata.Format,
            ItemCount = items.Count,
            SkippedLines = metadata.SkippedLines,
            Notes = metadata.Notes,
            ContentSha256 = metadata.ContentSha256,
            Source = metadata.Source,
            License = metadata.License,
            IsBuiltIn = metadata.IsBuiltIn,
            CreatedAt = clock.GetUtcNow(),
            Payload = new DatasetPayloadEntity { GzipJson = GzipJson.Serialize(items) },
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Datasets.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        entity.Payload = null;
        return entity;
    }

    public async Task<IReadOnlyList<DatasetEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().OrderBy(d => d.Task).ThenBy(d => d.Name).ToListAsync(cancellationToken);
    }

    public async Task<DatasetEntity?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<DatasetEntity?> FindByHashAsync(string contentSha256, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.ContentSha256 == contentSha256, cancellationToken);
    }

    public async Task<IReadOnlyList<T>> LoadItemsAsync<T>(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var payload = await db.DatasetPayloads.AsNoTracking().FirstOrDefaultAsync(p => p.DatasetId == datasetId, cancellationToken)
            ?? throw new KeyNotFoundException($"Dataset {datasetId} has no stored items.");
        return GzipJson.Deserialize<List<T>>(payload.GzipJson);
    }

    /// <summary>Deletes a dataset unless runs use it (their results would lose their meaning).</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Runs.AnyAsync(r => r.DatasetId == id, cancellationToken))
        {
            return false;
        }

        return await db.Datasets.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
