using System.Security.Claims;
using EmbedDashboard.Core.Access;

namespace EmbedDashboard.Web.Security;

/// <summary>
/// The web app's <see cref="IUserAccess"/>: the user of the request or circuit activity now running (set by
/// <see cref="CurrentUserMiddleware"/> for HTTP and <see cref="CurrentUserCircuitHandler"/> for the circuit), so
/// singleton services can refuse a Viewer or an anonymous share holder without taking a principal in every call.
/// </summary>
public sealed class CurrentUser : IUserAccess
{
    private static readonly AsyncLocal<ClaimsPrincipal?> Current = new();

    public static ClaimsPrincipal? Principal
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    public string? UserName => Principal?.Identity is { IsAuthenticated: true, AuthenticationType: not ShareScheme.Name } id ? id.Name : null;

    public bool IsAtLeast(AppRole minimum) =>
        UserName is not null && AppRoles.AtLeast(minimum).Any(role => Principal!.IsInRole(role));

    public void Demand(AppRole minimum, string action)
    {
        if (UserName is null)
        {
            throw new AccessDeniedException($"Sign in to {action}.");
        }

        if (!IsAtLeast(minimum))
        {
            throw new AccessDeniedException($"To {action} you need the {minimum} role; {UserName} does not have it.");
        }
    }
}
