using System.ComponentModel.DataAnnotations;

namespace EmbedDashboard.Web.Security;

/// <summary>Sign-in and reverse-proxy settings (section "Access"), bound once and checked at start.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>Password attempts one client address may make per minute before it gets 429.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Failed passwords in a row that lock an account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Honour X-Forwarded-For/Proto/Host from these proxies (behind nginx/Caddy doing HTTPS).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Cookies only over HTTPS; on by default off loopback is the README's advice behind a proxy.</summary>
    public bool SecureCookiesOnly { get; set; }
}
