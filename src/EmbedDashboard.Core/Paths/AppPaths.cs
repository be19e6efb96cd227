namespace EmbedDashboard.Core.Paths;

/// <summary>
/// Locates the repository root (the folder holding EmbedDashboard.sln) so that models/, data/ and
/// the root appsettings.json resolve the same way from `dotnet run`, tests and the CLI.
/// </summary>
public static class AppPaths
{
    public const string SolutionFileName = "EmbedDashboard.sln";

    public static string? TryFindRoot(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (origin is null)
            {
                continue;
            }

            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The root, or the current directory when running outside a checkout (e.g. after publish).</summary>
    public static string Root(string? start = null) => TryFindRoot(start) ?? Directory.GetCurrentDirectory();

    /// <summary>Resolves a configured path: absolute stays, relative is taken from the root.</summary>
    public static string Resolve(string path, string? root = null) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root ?? Root(), path));

    /// <summary>../shared/datasets next to the checkout (public evaluation data for tests and benchmarks).</summary>
    public static string? SharedDatasets(string? root = null)
    {
        var r = root ?? TryFindRoot();
        if (r is null)
        {
            return null;
        }

        var candidate = Path.GetFullPath(Path.Combine(r, "..", "shared", "datasets"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
