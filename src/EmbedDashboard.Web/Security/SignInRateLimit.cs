using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EmbedDashboard.Web.Security;

/// <summary>Password attempts per client address and minute (POSTs only: opening the form is free); the 429 says why.</summary>
public static class SignInRateLimit
{
    public const string PolicyName = "sign-in";

    public static void Add(RateLimiterOptions options, AccessOptions access)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = access.SignInAttemptsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("open-form"));
        options.OnRejected = (context, ct) => new ValueTask(context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address; wait a minute and try again.", ct));
    }
}
