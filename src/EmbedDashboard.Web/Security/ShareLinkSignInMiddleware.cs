using EmbedDashboard.Runner.Sharing;
using Microsoft.AspNetCore.Authentication;

namespace EmbedDashboard.Web.Security;

/// <summary>
/// On GET /s/&lt;token&gt; for a valid link, an anonymous visitor gets the share cookie (<see cref="ShareScheme"/>) so the
/// page's Blazor circuit can start; a signed-in user needs none. Tokens of links opened before are kept, so two shared
/// views open in one browser both keep working.
/// </summary>
public sealed class ShareLinkSignInMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SharingService sharing)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.User.Identity?.IsAuthenticated != true
            && context.Request.Path.StartsWithSegments("/s", out var rest) && rest.Value?.Trim('/') is { Length: > 0 } token && !token.Contains('/')
            && await sharing.ResolveAsync(token, context.RequestAborted) is not null)
        {
            var earlier = await context.AuthenticateAsync(ShareScheme.Name);
            var tokens = (earlier.Principal?.FindAll(ShareScheme.TokenClaim).Select(c => c.Value) ?? []).Append(token);
            await context.SignInAsync(ShareScheme.Name, ShareScheme.Principal(tokens));
        }

        await next(context);
    }
}
