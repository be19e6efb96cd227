using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace EmbedDashboard.Inference.Import.Vectors;

/// <summary>
/// Reads the word vectors users bring — GloVe text, word2vec/fastText text (.vec), word2vec binary
/// (.bin), each optionally gzip-compressed — into <see cref="Static.WordVectors"/>, keeping file order.
/// Anything wrong refuses the whole file with a <see cref="ModelImportException"/> naming the file and,
/// for text, the 1-based line; only blank lines are skipped.
/// </summary>
public static class WordVectorFileReader
{
    public const int MaxDimension = 4096;
    public const int MaxWordBytes = 1000;

    /// <summary>Strict UTF-8: invalid bytes throw rather than silently becoming U+FFFD.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The file's layout (after gzip, if any); throws <see cref="ModelImportException"/> if it has none.</summary>
    public static WordVectorFormat Detect(string path)
    {
        var name = Path.GetFileName(path);
        using var source = ByteSource.Open(path, name, new WordVectorReadOptions().MaxBytes, null);
        return DetectAt(source, name, out _);
    }

    public static WordVectorReadResult Read(string path, WordVectorReadOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var name = Path.GetFileName(path);
        using var source = ByteSource.Open(path, name, (options ?? new WordVectorReadOptions()).MaxBytes, progress);
        var format = DetectAt(source, name, out var header);
        var (vectors, lines, blank) = format == WordVectorFormat.Word2VecBinary
            ? BinaryVectorParser.Parse(source, name, header!.Value, cancellationToken)
            : TextVectorParser.Parse(source, name, header, cancellationToken);
        progress?.Report(1.0);
        return new WordVectorReadResult(vectors, format, source.Gzipped, lines, blank);
    }

    /// <summary>
    /// Detection, after gzip unwrapping and skipping a UTF-8 BOM:
    /// 1. A first line of exactly two non-negative integers is a word2vec/fastText "count dim" header
    ///    (a 1-d GloVe file whose first word is a number would read the same; none exist in practice).
    ///    Otherwise it is GloVe text, whose first line is already a vector.
    /// 2. With a header, the first record decides text vs binary: it is text when its bytes up to the
    ///    first '\n' are valid UTF-8 with no control bytes other than tab and CR. A text record always
    ///    passes, even a malformed one, so the text parser can then name its line; a binary record's raw
    ///    float32 bytes practically never do (zeros give NULs, most values give invalid UTF-8 or bytes
    ///    below 0x20 somewhere in 4 × dim bytes).
    /// Leaves <paramref name="source"/> at the first record, the header consumed.
    /// </summary>
    private static WordVectorFormat DetectAt(ByteSource source, string name, out Header? header)
    {
        header = null;
        if (source.PeekByte() < 0)
        {
            throw new ModelImportException($"{name}: the file is empty; no vectors.");
        }

        if (source.Ensure(3).StartsWith("\uFEFF"u8))
        {
            source.Advance(3);
        }

        var newline = source.IndexOf((byte)'\n', ByteSource.MaxLineBytes);
        var first = newline < 0 ? source.Available : source.Available[..newline];
        if (!TryParseHeader(first, out var count, out var dimension))
        {
            return WordVectorFormat.GloveText;
        }

        header = ValidateHeader(name, count, dimension);
        source.Advance(newline < 0 ? source.Available.Length : newline + 1);
        newline = source.IndexOf((byte)'\n', ByteSource.MaxLineBytes);
        var record = newline < 0 ? source.Available : source.Available[..newline];
        return LooksLikeText(record) ? WordVectorFormat.Word2VecText : WordVectorFormat.Word2VecBinary;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> record)
    {
        foreach (var b in record)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r')
            {
                return false;
            }
        }

        return Utf8.IsValid(record);
    }

    private static bool TryParseHeader(ReadOnlySpan<byte> line, out long count, out long dimension)
    {
        count = dimension = 0;
        var trimmed = line.TrimEnd(" \t\r"u8);
        var gap = trimmed.IndexOfAny((byte)' ', (byte)'\t');
        if (trimmed.Length > 40 || gap <= 0)
        {
            return false;
        }

        var second = trimmed[gap..].TrimStart(" \t"u8);
        return long.TryParse(trimmed[..gap], NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && long.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out dimension);
    }

    private static Header ValidateHeader(string name, long count, long dimension)
    {
        if (dimension is < 1 or > MaxDimension)
        {
            throw new ModelImportException($"{name}, line 1: the header says dimension {dimension}; it must be 1..{MaxDimension}.");
        }

        if (count == 0)
        {
            throw new ModelImportException($"{name}, line 1: the header says 0 vectors; no vectors.");
        }

        if (count * dimension > Array.MaxLength)
        {
            throw new ModelImportException($"{name}, line 1: the header says {count:N0} × {dimension} values, more than one matrix can hold ({Array.MaxLength:N0}).");
        }

        return new Header((int)count, (int)dimension);
    }

    /// <summary>Rows to allocate up front: the header's count, unless the file is too small to hold it (a lying header must not allocate gigabytes).</summary>
    internal static long ExpectedRows(ByteSource source, Header header, int minBytesPerValue) =>
        source.Gzipped
            ? Math.Min(header.Count, Math.Max(1, (1 << 22) / header.Dimension))
            : Math.Min(header.Count, source.FileLength / ((long)header.Dimension * minBytesPerValue) + 1);

    internal static bool IsWhiteSpaceOnly(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A token for a message: decoded leniently, shortened, so the message itself never fails.</summary>
    internal static string Show(ReadOnlySpan<byte> token)
    {
        var text = Encoding.UTF8.GetString(token.Length > 60 ? token[..60] : token);
        return token.Length > 60 ? text + "…" : text;
    }

    internal readonly record struct Header(int Count, int Dimension);
}
