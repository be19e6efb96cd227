using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using EmbedDashboard.Inference.Static;
using static EmbedDashboard.Inference.Import.Vectors.WordVectorFileReader;

namespace EmbedDashboard.Inference.Import.Vectors;

/// <summary>
/// GloVe and word2vec/fastText text: <c>word v1 … vn</c> lines separated by spaces or tabs (runs and
/// trailing whitespace tolerated, CRLF too). Parses floats straight from the UTF-8 bytes in the read
/// buffer, so the only allocation per line is the word's string (GloVe 6B 100d: a few seconds).
/// </summary>
internal static class TextVectorParser
{
    private static readonly SearchValues<byte> Separators = SearchValues.Create(" \t"u8);

    /// <param name="header">The word2vec header (already consumed, it was line 1), or null for GloVe.</param>
    public static (WordVectors Vectors, long Lines, long Blank) Parse(ByteSource source, string name, Header? header, CancellationToken cancellationToken)
    {
        long line = header is null ? 0 : 1;
        long blank = 0;
        var dimension = header?.Dimension ?? 0;
        var dimensionSource = "the header says";
        var buffer = header is { } h ? new FloatBuffer(h.Dimension, ExpectedRows(source, h, 2)) : null;
        var firstRow = header is null ? new float[MaxDimension] : null;
        var words = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (source.TryReadLine(line + 1, out var raw))
        {
            line++;
            if ((line & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var text = raw.TrimEnd(" \t\r"u8);
            if (text.IsEmpty)
            {
                blank++;
                continue;
            }

            if (!Utf8.IsValid(text))
            {
                throw new ModelImportException($"{name}, line {line}: not valid UTF-8 (at byte {InvalidUtf8Offset(text) + 1} of the line).");
            }

            if (text[0] is (byte)' ' or (byte)'\t')
            {
                throw new ModelImportException($"{name}, line {line}: the line starts with whitespace, so its word is empty or whitespace-only; remove or rename that entry.");
            }

            var gap = text.IndexOfAny(Separators);
            var wordBytes = gap < 0 ? text : text[..gap];
            var values = gap < 0 ? [] : text[gap..];
            if (wordBytes.Length > MaxWordBytes)
            {
                throw new ModelImportException($"{name}, line {line}: the word is {wordBytes.Length:N0} bytes long; at most {MaxWordBytes:N0} are allowed.");
            }

            if (header is { } hh && words.Count == hh.Count)
            {
                throw new ModelImportException($"{name}, line {line}: more vectors than the header's {hh.Count:N0}.");
            }

            if (buffer is null)
            {
                // GloVe has no header: the first vector sets the dimension for the rest.
                var count = ParseValues(values, firstRow, name, line);
                if (count is < 1 or > MaxDimension)
                {
                    throw new ModelImportException($"{name}, line {line}: {count} values; a vector needs 1..{MaxDimension}.");
                }

                dimension = count;
                dimensionSource = line == 1 ? "the first line has" : $"line {line}, the first vector, has";
                buffer = new FloatBuffer(dimension, 0);
                firstRow.AsSpan(0, dimension).CopyTo(buffer.AppendRow());
            }
            else
            {
                if ((buffer.Rows + 1) * dimension > Array.MaxLength)
                {
                    throw new ModelImportException($"{name}, line {line}: more values than one matrix can hold ({Array.MaxLength:N0}).");
                }

                var count = ParseValues(values, buffer.AppendRow(), name, line);
                if (count != dimension)
                {
                    throw new ModelImportException($"{name}, line {line}: {count} values, expected {dimension} ({dimensionSource} {dimension}).");
                }
            }

            var word = StrictUtf8.GetString(wordBytes);
            if (IsWhiteSpaceOnly(word))
            {
                throw new ModelImportException($"{name}, line {line}: the word is whitespace-only; remove or rename that entry.");
            }

            if (!seen.TryAdd(word, (int)line))
            {
                throw new ModelImportException($"{name}, line {line}: duplicate word '{word}' (first on line {seen[word]}).");
            }

            words.Add(word);
        }

        if (header is { } last && words.Count != last.Count)
        {
            throw new ModelImportException($"{name}: the header says {last.Count:N0} vectors but the file has {words.Count:N0}.");
        }

        if (buffer is null)
        {
            throw new ModelImportException($"{name}: only blank lines; no vectors.");
        }

        return (new WordVectors(words, buffer.ToArray(), dimension), line, blank);
    }

    /// <summary>Parses the whitespace-separated values into <paramref name="row"/> and returns how many there are (extra ones are counted, not stored).</summary>
    private static int ParseValues(ReadOnlySpan<byte> values, Span<float> row, string name, long line)
    {
        var count = 0;
        while (true)
        {
            var start = values.IndexOfAnyExcept(Separators);
            if (start < 0)
            {
                return count;
            }

            values = values[start..];
            var end = values.IndexOfAny(Separators);
            var token = end < 0 ? values : values[..end];
            values = end < 0 ? [] : values[end..];
            if (count < row.Length)
            {
                if (!float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new ModelImportException($"{name}, line {line}: value {count + 1} '{Show(token)}' is not a number.");
                }

                if (!float.IsFinite(value))
                {
                    throw new ModelImportException($"{name}, line {line}: value {count + 1} '{Show(token)}' is NaN or infinity (or overflows float32).");
                }

                row[count] = value;
            }

            count++;
        }
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> text)
    {
        try
        {
            StrictUtf8.GetCharCount(text);
            return 0;
        }
        catch (DecoderFallbackException e)
        {
            return e.Index;
        }
    }
}
