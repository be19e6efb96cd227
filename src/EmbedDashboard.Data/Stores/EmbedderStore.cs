using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

public sealed class EmbedderStore(IDbContextFactory<EmbedDashboardDbContext> factory)
{
    /// <summary>Inserts or updates by id (installed models are re-registered at every start).</summary>
    public async Task UpsertAsync(EmbedderEntity embedder, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Embedders.FindAsync([embedder.Id], cancellationToken);
        if (existing is null)
        {
            db.Embedders.Add(embedder);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(embedder);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EmbedderEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Embedders.AsNoTracking().OrderBy(e => e.Kind).ThenBy(e => e.Id).ToListAsync(cancellationToken);
    }
}
