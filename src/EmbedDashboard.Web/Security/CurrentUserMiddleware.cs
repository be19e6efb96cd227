using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EmbedDashboard.Web.Security;

/// <summary>Makes the request's user the current one for the services it calls.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        CurrentUser.Principal = context.User;
        return next(context);
    }
}

/// <summary>Makes the circuit's user the current one around every inbound event (clicks, JS calls, navigation).</summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            CurrentUser.Principal = (await authentication.GetAuthenticationStateAsync()).User;
            await next(context);
        };
}
