using System.Security.Cryptography;
using System.Text.Json;

namespace EmbedDashboard.Inference.Import;

/// <summary>
/// Imported models on disk, one folder each under models/imported/. A model is built in a hidden temporary folder
/// beside them, its manifest written last, and the folder renamed into place, so the catalogue never sees half a
/// model; leftovers of an import that crashed are removed at start.
/// </summary>
public sealed class ImportedModelStore(string modelsDirectory)
{
    private const string BuildPrefix = ".importing-";
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Root { get; } = Path.Combine(modelsDirectory, "imported");

    public string FolderOf(string id) => Path.Combine(Root, id);

    /// <summary>A new empty build folder on the same file system as the final one (so the rename is atomic).</summary>
    public string NewBuildFolder()
    {
        var folder = Path.Combine(Root, BuildPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Hashes every file, writes the manifest, renames the build folder to models/imported/&lt;id&gt;.</summary>
    public ImportedManifest Commit(string buildFolder, ImportedManifest manifest)
    {
        var files = Directory.GetFiles(buildFolder).Order(StringComparer.Ordinal).Select(Describe).ToList();
        manifest = manifest with
        {
            Files = files,
            MainFileSha256 = files.Single(f => f.Name == manifest.MainFile).Sha256,
        };
        File.WriteAllText(Path.Combine(buildFolder, ImportedManifest.FileName), JsonSerializer.Serialize(manifest, Json));
        var final = FolderOf(manifest.Id);
        if (Directory.Exists(final))
        {
            throw new ModelImportException($"models/imported/{manifest.Id} already exists.");
        }

        Directory.Move(buildFolder, final);
        return manifest;
    }

    public IReadOnlyList<(ImportedManifest Manifest, string Folder)> LoadAll(out IReadOnlyList<string> problems)
    {
        if (Directory.Exists(Root))
        {
            foreach (var stale in Directory.GetDirectories(Root, BuildPrefix + "*"))
            {
                TryDelete(stale); // an import that did not finish: never half-registered
            }
        }

        return ManifestFolders.LoadAll<ImportedManifest>(Root, ImportedManifest.FileName, Json, out problems);
    }

    public bool Delete(string id) => ManifestFolders.Delete(FolderOf(id));

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next start's clean-up.
        }
    }

    internal static ImportedFile Describe(string path)
    {
        using var stream = File.OpenRead(path);
        return new ImportedFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
