namespace EmbedDashboard.Core.Access;

/// <summary>
/// The server-side check every state-changing service entry point makes before it acts, so a refusal does not
/// depend on a page hiding a button. The web app answers from the signed-in user; the CLI (which already holds
/// the data folder) acts as the local operator.
/// </summary>
public interface IUserAccess
{
    /// <summary>Who is acting, for records such as a share link's creator; null when nobody is signed in.</summary>
    string? UserName { get; }

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the current user holds <paramref name="minimum"/> or a higher role.</summary>
    void Demand(AppRole minimum, string action);

    /// <summary>Whether the current user holds <paramref name="minimum"/> or a higher role.</summary>
    bool IsAtLeast(AppRole minimum);
}

/// <summary>The acting user may not do this; the message says what was refused and which role it needs.</summary>
public sealed class AccessDeniedException(string message) : UnauthorizedAccessException(message);

/// <summary>Everything allowed: the command line and test hosts, which run as whoever can already open the store.</summary>
public sealed class LocalOperatorAccess : IUserAccess
{
    public string? UserName => Environment.UserName;

    public void Demand(AppRole minimum, string action)
    {
    }

    public bool IsAtLeast(AppRole minimum) => true;
}
