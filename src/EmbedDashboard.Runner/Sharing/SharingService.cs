using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Sharing;

/// <summary>A read-only link to one result: what it opens (kind, target, page state), when it was made and whether it is revoked.</summary>
public sealed record ShareLink(string Token, string Kind, int TargetId, string? State, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    internal static ShareLink From(ShareLinkEntity e) => new(e.Token, e.Kind, e.TargetId, e.State, e.CreatedAt, e.RevokedAt);
}

/// <summary>What pages call to create, open, list and revoke share links.</summary>
public sealed class SharingService(ShareLinkStore links)
{
    public async Task<ShareLink> CreateAsync(string kind, int targetId, string? state = null, CancellationToken cancellationToken = default) =>
        ShareLink.From(await links.CreateAsync(kind, targetId, state, cancellationToken));

    /// <summary>The link when it exists and is not revoked; null otherwise.</summary>
    public async Task<ShareLink?> ResolveAsync(string token, CancellationToken cancellationToken = default) =>
        await links.ResolveAsync(token, cancellationToken) is { } link ? ShareLink.From(link) : null;

    /// <summary>Whether a page opened with ?shared=&lt;token&gt; is a valid read-only view of <paramref name="kind"/>; null without a token.</summary>
    public async Task<bool?> IsSharedViewAsync(string? token, string kind, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var link = await ResolveAsync(token, cancellationToken);
        return link is not null && link.Kind == kind;
    }

    public async Task<IReadOnlyList<ShareLink>> ListAsync(string kind, int targetId, CancellationToken cancellationToken = default) =>
        (await links.ListAsync(kind, targetId, cancellationToken)).Select(ShareLink.From).ToList();

    public Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default) => links.RevokeAsync(token, cancellationToken);
}
