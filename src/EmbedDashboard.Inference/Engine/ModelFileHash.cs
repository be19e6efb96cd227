using System.Text.RegularExpressions;
using EmbedDashboard.Inference.Assets;

namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// SHA-256 of an installed model file for the Models page and reproducibility metadata, without hashing
/// 90 MB at every start: taken from the folder's MODEL.md (written by set-up), else from a .sha256 file
/// beside it, else computed once and written there (best effort: a read-only folder just means no cache).
/// </summary>
internal static partial class ModelFileHash
{
    [GeneratedRegex(@"^\|\s*(?<file>[^|]+?)\s*\|\s*\d+\s*\|\s*`(?<sha>[0-9a-f]{64})`\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    public static string Get(string path)
    {
        var fromModelMd = FromModelMd(path);
        if (fromModelMd is not null)
        {
            return fromModelMd;
        }

        var sidecar = path + ".sha256";
        if (File.Exists(sidecar) && File.GetLastWriteTimeUtc(sidecar) >= File.GetLastWriteTimeUtc(path))
        {
            return File.ReadAllText(sidecar).Trim();
        }

        var sha = NpmAssetFetcher.Sha256Async(path).GetAwaiter().GetResult();
        try
        {
            File.WriteAllText(sidecar, sha);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not cached; computed again next start.
        }

        return sha;
    }

    private static string? FromModelMd(string path)
    {
        var modelMd = Path.Combine(Path.GetDirectoryName(path)!, "MODEL.md");
        if (!File.Exists(modelMd) || File.GetLastWriteTimeUtc(modelMd) < File.GetLastWriteTimeUtc(path))
        {
            return null; // the file changed after MODEL.md was written: its hash there is stale
        }

        var name = Path.GetFileName(path);
        return TableRow().Matches(File.ReadAllText(modelMd))
            .FirstOrDefault(m => m.Groups["file"].Value == name)?.Groups["sha"].Value;
    }
}
