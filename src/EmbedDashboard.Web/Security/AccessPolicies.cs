using EmbedDashboard.Core.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace EmbedDashboard.Web.Security;

/// <summary>Authorization policies by name; the fallback (Viewer) covers every endpoint that says nothing, so a new page is protected by default.</summary>
public static class AccessPolicies
{
    public const string Viewer = nameof(AppRole.Viewer);
    public const string Editor = nameof(AppRole.Editor);
    public const string Owner = nameof(AppRole.Owner);

    /// <summary>The Blazor hub: a signed-in user, or a share link holder (whose circuit can render only the shared view).</summary>
    public const string Circuit = "Circuit";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in AppRoles.All)
        {
            options.AddPolicy(role.ToString(), p => p.RequireRole(AppRoles.AtLeast(role)));
        }

        options.AddPolicy(Circuit, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ShareScheme.Name).RequireAuthenticatedUser());
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
