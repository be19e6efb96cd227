using EmbedDashboard.Inference.Import;
using System.Security.Cryptography;
using System.Text.Json;

namespace EmbedDashboard.Training.Artifacts;

/// <summary>
/// Trained embedders on disk, one folder each under models/trained/. A save writes into a temporary
/// folder and renames it into place with the manifest written last, so a crash mid-save leaves no
/// half-written embedder behind and an existing one is never damaged by a failed save.
/// </summary>
public sealed class TrainedArtifactStore(string modelsDirectory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Root { get; } = Path.Combine(modelsDirectory, "trained");

    public string FolderOf(string id) => Path.Combine(Root, id);

    /// <summary>Writes the files (into the folder given to <paramref name="writeFiles"/>), hashes the main file, then the manifest.</summary>
    public TrainedManifest Save(TrainedManifest manifest, Action<string> writeFiles)
    {
        if (manifest.Id.Length == 0 || manifest.Id.IndexOfAny([.. Path.GetInvalidFileNameChars(), '.', ' ']) >= 0)
        {
            throw new ArgumentException($"'{manifest.Id}' cannot be a folder name.", nameof(manifest));
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".saving-{manifest.Id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            writeFiles(temp);
            var main = Path.Combine(temp, manifest.MainFile);
            if (!File.Exists(main)) throw new InvalidOperationException($"The save wrote no {manifest.MainFile}.");
            using (var stream = File.OpenRead(main))
            {
                manifest = manifest with { MainFileSha256 = Convert.ToHexStringLower(SHA256.HashData(stream)) };
            }

            File.WriteAllText(Path.Combine(temp, TrainedManifest.FileName), JsonSerializer.Serialize(manifest, Json));
            var final = FolderOf(manifest.Id);
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(temp, final);
            return manifest;
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>Every complete trained embedder; unreadable manifests are reported, not thrown.</summary>
    public IReadOnlyList<(TrainedManifest Manifest, string Folder)> LoadAll(out IReadOnlyList<string> problems)
        => ManifestFolders.LoadAll<TrainedManifest>(Root, TrainedManifest.FileName, Json, out problems);

    public bool Delete(string id) => ManifestFolders.Delete(FolderOf(id));

}
