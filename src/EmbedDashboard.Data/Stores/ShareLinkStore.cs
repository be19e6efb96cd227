using System.Security.Cryptography;
using EmbedDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace EmbedDashboard.Data.Stores;

public sealed class ShareLinkStore(IDbContextFactory<EmbedDashboardDbContext> factory, TimeProvider clock)
{
    /// <summary>
    /// A link to <paramref name="targetId"/>, or to a page defined by its address (<paramref name="state"/>: the query it is
    /// shown with), frozen here on the server; it opens nothing once revoked or past <paramref name="expiresAt"/>.
    /// </summary>
    public async Task<ShareLinkEntity> CreateAsync(string kind, int targetId, string? state = null, DateTimeOffset? expiresAt = null, string? createdBy = null, CancellationToken cancellationToken = default)
    {
        var link = new ShareLinkEntity
        {
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            Kind = kind,
            TargetId = targetId,
            State = state,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
            CreatedBy = createdBy,
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>The link when it exists, is not revoked and has not expired; null otherwise.</summary>
    public async Task<ShareLinkEntity?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(s => s.Token == token && s.RevokedAt == null, cancellationToken);
        return link is { ExpiresAt: { } expires } && expires <= clock.GetUtcNow() ? null : link;
    }

    /// <summary>Every link ever made, newest first (the owner's overview).</summary>
    public async Task<IReadOnlyList<ShareLinkEntity>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ShareLinks.AsNoTracking().OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ShareLinkEntity>> ListAsync(string kind, int targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ShareLinks.AsNoTracking().Where(s => s.Kind == kind && s.TargetId == targetId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.ShareLinks.Where(s => s.Token == token && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken) == 1;
    }
}
