using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Web.Components.Sharing;

/// <summary>Whether a page opened with ?shared=&lt;token&gt; is a valid read-only view (false for a revoked or unknown token).</summary>
public static class SharedState
{
    public static async Task<bool?> ResolveAsync(ShareLinkStore links, string? token, string kind)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var link = await links.ResolveAsync(token);
        return link is not null && link.Kind == kind;
    }
}
