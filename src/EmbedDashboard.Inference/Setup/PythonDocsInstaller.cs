using System.Diagnostics;
using EmbedDashboard.Inference.Assets;

namespace EmbedDashboard.Inference.Setup;

public enum PythonDocsState
{
    Present,
    /// <summary>Missing, and we are root on a Debian-like system: set-up installs it.</summary>
    Installable,
    /// <summary>Missing and we cannot install it (not root, no apt-get): set-up says how.</summary>
    NotInstallable,
    /// <summary>Missing; an install attempt failed within the last day (not retried on every start).</summary>
    RecentlyFailed,
}

/// <summary>
/// The Python FAQ comes from Debian's python3.11-doc. It is installed here only when running as root
/// (as on CI and a fresh dev container); otherwise set-up says it is missing and how to add it.
/// </summary>
internal static class PythonDocsInstaller
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromDays(1);

    public static PythonDocsState Check(string models)
    {
        if (Directory.Exists(AssetManifest.PythonFaqDirectory))
        {
            return PythonDocsState.Present;
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return PythonDocsState.NotInstallable;
        }

        var failed = FailureMarker(models);
        return File.Exists(failed) && DateTime.UtcNow - File.GetLastWriteTimeUtc(failed) < RetryAfter
            ? PythonDocsState.RecentlyFailed
            : PythonDocsState.Installable;
    }

    public static async Task<PythonDocsState> EnsureAsync(string models, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var state = Check(models);
        if (state != PythonDocsState.Installable)
        {
            return state;
        }

        log?.Report($"Installing Debian's {AssetManifest.PythonDocsDebianPackage} (Python FAQ dataset)…");
        var error = await AptGetAsync(["install", "-y", "-qq", AssetManifest.PythonDocsDebianPackage], cancellationToken);
        if (error is not null)
        {
            // Usually stale or absent package lists (fresh containers ship none): refresh once and retry.
            error = await AptGetAsync(["update", "-qq"], cancellationToken)
                ?? await AptGetAsync(["install", "-y", "-qq", AssetManifest.PythonDocsDebianPackage], cancellationToken);
        }

        if (error is null && Directory.Exists(AssetManifest.PythonFaqDirectory))
        {
            File.Delete(FailureMarker(models));
            return PythonDocsState.Present;
        }

        log?.Report($"apt-get could not install {AssetManifest.PythonDocsDebianPackage}: {error ?? $"{AssetManifest.PythonFaqDirectory} still missing"}");
        Directory.CreateDirectory(ModelLayout.Cache(models));
        await File.WriteAllTextAsync(FailureMarker(models), error ?? "", cancellationToken);
        return PythonDocsState.RecentlyFailed;
    }

    private static string FailureMarker(string models) => Path.Combine(ModelLayout.Cache(models), "python-docs.failed");

    /// <summary>Runs apt-get (no shell, 10 min cap); null on success, else its error output.</summary>
    private static async Task<string?> AptGetAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("apt-get", args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("apt-get did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(10));
            try
            {
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {(await stderr).Trim()}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return "timed out after 10 minutes";
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return ex.Message;
        }
    }
}
