using System.Text;

namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>
/// Decodes an upload strictly (UTF-8, or UTF-16 with a BOM) and splits it into numbered lines, so
/// every importer can point at the exact line of a problem. Invalid bytes are an error, never "?".
/// </summary>
public static class TextLines
{
    public static string Decode(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            throw new DatasetFormatException(fileName, 0, "the file is empty (no items).");
        }

        Encoding encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) skip = 3;
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) (encoding, skip) = (new UnicodeEncoding(false, false, true), 2);
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) (encoding, skip) = (new UnicodeEncoding(true, false, true), 2);

        try
        {
            return encoding.GetString(bytes[skip..]);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes[skip..Math.Min(bytes.Length, skip + Math.Max(0, ex.Index))].Count((byte)'\n');
            throw new DatasetFormatException(fileName, line, $"not valid {encoding.WebName} text (byte offset {ex.Index}); save the file as UTF-8.");
        }
    }

    /// <summary>(1-based line number, text) for every line, line endings removed.</summary>
    public static IEnumerable<(int Number, string Text)> Read(Stream stream, string fileName)
    {
        var text = Decode(stream, fileName);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            yield return (number, line.TrimEnd('\r'));
        }
    }

    public static void RequireItems<T>(IReadOnlyCollection<T> items, string fileName)
    {
        if (items.Count == 0)
        {
            throw new DatasetFormatException(fileName, 0, "no items found: the file has no data lines in this format.");
        }
    }
}
