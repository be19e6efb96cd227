using System.Net;
using EmbedDashboard.Core.Access;
using EmbedDashboard.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmbedDashboard.Web.Security;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Cookie sign-in with ASP.NET Core Identity (users and roles in the app's SQLite store), the share-link scheme, policies, the sign-in rate limit.</summary>
    public static IServiceCollection AddEmbedDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var access = configuration.GetSection(AccessOptions.SectionName).Get<AccessOptions>() ?? new AccessOptions();
        var secure = access.SecureCookiesOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddCascadingAuthenticationState();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication().AddCookie(ShareScheme.Name, o =>
        {
            o.Cookie.Name = "embeddash.share";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = c => Refuse(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Refuse(c.Response, StatusCodes.Status403Forbidden);
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "embeddash.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            // APIs and the hub answer 401/403; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = c => IsPage(c.Request) ? Redirect(c) : Refuse(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => IsPage(c.Request) ? Redirect(c) : Refuse(c.Response, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = access.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(access.LockoutMinutes);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EmbedDashboardDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthorization(AccessPolicies.Add);
        services.AddRateLimiter(o => SignInRateLimit.Add(o, access));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in access.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });

        services.Replace(ServiceDescriptor.Singleton<IUserAccess, CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddSingleton<UserAdministration>();
        return services;
    }

    /// <summary>Forwarded headers (when proxies are configured), authentication, authorization, the current user, the share cookie, rate limits.</summary>
    public static WebApplication UseEmbedDashboardAccess(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<ShareLinkSignInMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static bool IsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/_blazor") && !request.Path.StartsWithSegments("/s");

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

public static class CircuitEndpointConventions
{
    /// <summary>
    /// The Blazor hub (/_blazor…) takes a signed-in user or a share holder; pages keep their own [Authorize]/[AllowAnonymous].
    /// Without this the fallback policy (Viewer) would shut share holders out of the circuit their view needs.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder RequireCircuitSignIn(this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(AccessPolicies.Circuit));
            }
        });
        return builder;
    }
}
