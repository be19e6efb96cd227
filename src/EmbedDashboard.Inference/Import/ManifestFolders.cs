using System.Text.Json;

namespace EmbedDashboard.Inference.Import;

/// <summary>
/// The folders-with-a-manifest layout shared by models/imported and models/trained: one folder per embedder, its
/// manifest.json written last. Unreadable manifests are reported, never thrown, so one broken folder does not hide
/// the others; hidden folders and folders without a manifest (unfinished saves) are skipped.
/// </summary>
public static class ManifestFolders
{
    public static IReadOnlyList<(T Manifest, string Folder)> LoadAll<T>(string root, string fileName, JsonSerializerOptions json, out IReadOnlyList<string> problems)
        where T : class
    {
        var found = new List<(T, string)>();
        var errors = new List<string>();
        if (Directory.Exists(root))
        {
            foreach (var folder in Directory.GetDirectories(root).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(folder, fileName);
                if (!File.Exists(file)) continue; // no manifest: a save that never finished, not an embedder
                try
                {
                    var manifest = JsonSerializer.Deserialize<T>(File.ReadAllText(file), json) ?? throw new InvalidDataException("empty manifest");
                    found.Add((manifest, folder));
                }
                catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException)
                {
                    errors.Add($"{Path.GetFullPath(file)}: {ex.Message}");
                }
            }
        }

        problems = errors;
        return found;
    }

    /// <summary>Deletes one embedder's folder; false when there was none.</summary>
    public static bool Delete(string folder)
    {
        if (!Directory.Exists(folder)) return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }
}
