using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using EmbedDashboard.Inference.Static;
using static EmbedDashboard.Inference.Import.Vectors.WordVectorFileReader;

namespace EmbedDashboard.Inference.Import.Vectors;

/// <summary>
/// word2vec binary after its "count dim" header: per word, its UTF-8 bytes up to a space, then dim
/// little-endian float32. The original word2vec and gensim write a '\n' after each vector; it is
/// skipped before the next word, so files with or without it read the same. Records are numbered
/// from 1 in messages (there are no lines to name).
/// </summary>
internal static class BinaryVectorParser
{
    public static (WordVectors Vectors, long Lines, long Blank) Parse(ByteSource source, string name, Header header, CancellationToken cancellationToken)
    {
        var buffer = new FloatBuffer(header.Dimension, ExpectedRows(source, header, sizeof(float)));
        var words = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            while (source.PeekByte() == '\n')
            {
                source.Advance(1);
            }

            var space = source.IndexOf((byte)' ', MaxWordBytes + 1);
            if (space < 0 && source.Available.Length <= MaxWordBytes)
            {
                throw Truncated(name, i, header.Count);
            }

            if (space < 0 || space > MaxWordBytes)
            {
                throw new ModelImportException($"{name}: word {i + 1} is longer than {MaxWordBytes:N0} bytes (no space after it); the file is corrupt or not word2vec binary.");
            }

            var wordBytes = source.Available[..space];
            if (!Utf8.IsValid(wordBytes))
            {
                throw new ModelImportException($"{name}: word {i + 1} ('{Show(wordBytes)}') is not valid UTF-8.");
            }

            var word = StrictUtf8.GetString(wordBytes);
            source.Advance(space + 1);
            if (word.Length == 0 || IsWhiteSpaceOnly(word))
            {
                throw new ModelImportException($"{name}: word {i + 1} is empty or whitespace-only; remove or rename that entry.");
            }

            var row = buffer.AppendRow();
            if (!source.TryRead(MemoryMarshal.AsBytes(row)))
            {
                throw Truncated(name, i, header.Count);
            }

            if (!BitConverter.IsLittleEndian)
            {
                var bits = MemoryMarshal.Cast<float, int>(row);
                BinaryPrimitives.ReverseEndianness(bits, bits);
            }

            var bad = IndexOfNonFinite(row);
            if (bad >= 0)
            {
                throw new ModelImportException($"{name}: word {i + 1} ('{word}'), value {bad + 1} is NaN or infinity.");
            }

            if (!seen.TryAdd(word, i + 1))
            {
                throw new ModelImportException($"{name}: duplicate word '{word}' (words {seen[word]} and {i + 1}).");
            }

            words.Add(word);
        }

        // Only line breaks or spaces may follow the last vector; more data means the header's count is wrong.
        while (source.PeekByte() is '\n' or '\r' or ' ' or '\t')
        {
            source.Advance(1);
        }

        if (source.PeekByte() >= 0)
        {
            throw new ModelImportException($"{name}: more data after the header's {header.Count:N0} vectors; the header's count is wrong or the file is corrupt.");
        }

        return (new WordVectors(words, buffer.ToArray(), header.Dimension), 1L + header.Count, 0);
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (!float.IsFinite(row[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static ModelImportException Truncated(string name, int done, int count) =>
        new($"{name}: truncated after word {done:N0} of {count:N0}.");
}
