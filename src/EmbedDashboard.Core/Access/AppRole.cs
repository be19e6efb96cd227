namespace EmbedDashboard.Core.Access;

/// <summary>What a signed-in user may do; each role includes the ones below it (an Owner can edit, an Editor can view).</summary>
public enum AppRole
{
    /// <summary>Reads results, probes and projections.</summary>
    Viewer = 1,

    /// <summary>Also imports, runs, trains and shares.</summary>
    Editor = 2,

    /// <summary>Also manages users and every share link, deletes models and imports from server folders.</summary>
    Owner = 3,
}

public static class AppRoles
{
    /// <summary>Role names as stored by ASP.NET Core Identity.</summary>
    public static readonly IReadOnlyList<AppRole> All = [AppRole.Viewer, AppRole.Editor, AppRole.Owner];

    /// <summary>The roles that satisfy <paramref name="minimum"/> (for [Authorize(Roles = …)] and policies).</summary>
    public static IReadOnlyList<string> AtLeast(AppRole minimum) => All.Where(r => r >= minimum).Select(r => r.ToString()).ToList();
}
