using System.Security.Claims;

namespace EmbedDashboard.Web.Security;

/// <summary>
/// The anonymous side of a share link. Opening /s/&lt;token&gt; issues a cookie of this scheme whose principal carries
/// the token and no role: enough to open the Blazor circuit that renders the shared view, and nothing else — every
/// page but the share route needs a role, every service that changes state demands one.
/// </summary>
public static class ShareScheme
{
    public const string Name = "ShareLink";
    public const string TokenClaim = "embeddash:share-token";

    public static ClaimsPrincipal Principal(IEnumerable<string> tokens) =>
        new(new ClaimsIdentity(tokens.Distinct().TakeLast(20).Select(t => new Claim(TokenClaim, t)), Name));
}
