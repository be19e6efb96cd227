using EmbedDashboard.Core.Access;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Sharing;

/// <summary>
/// A read-only link to one result: what it opens (kind, target, and the page state frozen when it was made),
/// who made it, when, until when, and whether it is revoked.
/// </summary>
public sealed record ShareLink(string Token, string Kind, int TargetId, string? State, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt = null, string? CreatedBy = null)
{
    internal static ShareLink From(ShareLinkEntity e) => new(e.Token, e.Kind, e.TargetId, e.State, e.CreatedAt, e.RevokedAt, e.ExpiresAt, e.CreatedBy);
}

/// <summary>
/// What pages call to create, open, list and revoke share links. Making and revoking need an Editor (revoking
/// another user's link, and seeing every link, the Owner); opening needs nothing but a valid token.
/// </summary>
public sealed class SharingService(ShareLinkStore links, IUserAccess access, TimeProvider clock)
{
    /// <summary>The longest a link may be made to last; "no expiry" is also allowed (until revoked).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// Freezes <paramref name="state"/> (the page's canonical query: embedders, k, vocabulary, dataset, method, parameters)
    /// on the server: the shared view renders only that, whatever address it is opened with.
    /// </summary>
    public async Task<ShareLink> CreateAsync(string kind, int targetId, string? state = null, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "share a result");
        if (lifetime is { } l && (l <= TimeSpan.Zero || l > MaxLifetime))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), $"A link's lifetime must be between a minute and {MaxLifetime.TotalDays:0} days, or none.");
        }

        var expires = lifetime is { } span ? clock.GetUtcNow() + span : (DateTimeOffset?)null;
        return ShareLink.From(await links.CreateAsync(kind, targetId, state, expires, access.UserName, cancellationToken));
    }

    /// <summary>The link when it exists, is not revoked and has not expired; null otherwise.</summary>
    public async Task<ShareLink?> ResolveAsync(string token, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(token) ? null : await links.ResolveAsync(token, cancellationToken) is { } link ? ShareLink.From(link) : null;

    public async Task<IReadOnlyList<ShareLink>> ListAsync(string kind, int targetId, CancellationToken cancellationToken = default) =>
        (await links.ListAsync(kind, targetId, cancellationToken)).Select(ShareLink.From).ToList();

    /// <summary>Every link, for the owner's overview.</summary>
    public async Task<IReadOnlyList<ShareLink>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Owner, "see every share link");
        return (await links.ListAllAsync(cancellationToken)).Select(ShareLink.From).ToList();
    }

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        access.Demand(AppRole.Editor, "revoke a share link");
        if (!access.IsAtLeast(AppRole.Owner) && await links.ResolveAsync(token, cancellationToken) is { } link && link.CreatedBy != access.UserName)
        {
            throw new AccessDeniedException("Only the owner can revoke a link someone else made.");
        }

        return await links.RevokeAsync(token, cancellationToken);
    }
}
