using System.IO.Compression;
using System.Text;
using EmbedDashboard.Inference.Import;
using EmbedDashboard.Inference.Import.Vectors;
using static EmbedDashboard.Inference.Tests.Import.Vectors.WordVectorFixtures;

namespace EmbedDashboard.Inference.Tests.Import.Vectors;

/// <summary>Every bad input is refused with a ModelImportException naming the file, the line (text) and the reason.</summary>
public sealed class WordVectorFileReaderRefusalTests
{
    private static string Refuse(string fileName, string content, WordVectorReadOptions? options = null) =>
        RefuseBytes(fileName, Encoding.UTF8.GetBytes(content), options);

    private static string RefuseBytes(string fileName, byte[] content, WordVectorReadOptions? options = null, bool gzip = false)
    {
        var path = TempPath(fileName);
        WriteBytes(path, content, gzip);
        return Assert.Throws<ModelImportException>(() => WordVectorFileReader.Read(path, options)).Message;
    }

    [Fact]
    public void Read_EmptyFile_SaysEmpty() =>
        Assert.Equal("vectors.txt: the file is empty; no vectors.", Refuse("vectors.txt", ""));

    [Fact]
    public void Read_OnlyBlankLines_SaysNoVectors() =>
        Assert.Equal("vectors.txt: only blank lines; no vectors.", Refuse("vectors.txt", "\n \r\n\t\n"));

    [Fact]
    public void Read_GloveLineWithTooFewValues_NamesLineAndFirstLineDimension() =>
        Assert.Equal("vectors.txt, line 3: 2 values, expected 3 (the first line has 3).", Refuse("vectors.txt", "a 1 2 3\nb 1 2 3\nc 1 2\n"));

    [Fact]
    public void Read_GloveLineWithTooManyValues_CountsThemAll() =>
        Assert.Equal("vectors.txt, line 2: 5 values, expected 3 (the first line has 3).", Refuse("vectors.txt", "a 1 2 3\nb 1 2 3 4 5\n"));

    [Fact]
    public void Read_HeaderDimensionDisagreesWithLines_SaysHeaderDimension() =>
        Assert.Equal("wiki.vec, line 2: 49 values, expected 50 (the header says 50).",
            Refuse("wiki.vec", "1 50\nthe " + string.Join(' ', Enumerable.Repeat("0.5", 49)) + "\n"));

    [Fact]
    public void Read_HeaderCountAboveBody_SaysBothCounts() =>
        Assert.Equal("wiki.vec: the header says 5 vectors but the file has 4.", Refuse("wiki.vec", "5 1\na 1\nb 2\nc 3\nd 4\n"));

    [Fact]
    public void Read_HeaderCountBelowBody_NamesTheExtraLine() =>
        Assert.Equal("wiki.vec, line 5: more vectors than the header's 3.", Refuse("wiki.vec", "3 1\na 1\nb 2\nc 3\nd 4\n"));

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("0x10")]
    public void Read_ValueNotANumber_NamesTokenAndPosition(string token) =>
        Assert.Equal($"vectors.txt, line 2: value 2 '{token}' is not a number.", Refuse("vectors.txt", $"a 1 2\nb 1 {token}\n"));

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e39")]
    public void Read_ValueNaNOrInfinite_Refused(string token) =>
        Assert.Contains($"vectors.txt, line 1: value 1 '{token}' is NaN or infinity", Refuse("vectors.txt", $"a {token} 2\n"));

    [Fact]
    public void Read_DuplicateWord_NamesWordAndBothLines() =>
        Assert.Equal("vectors.txt, line 4: duplicate word 'the' (first on line 2).", Refuse("vectors.txt", ", 1\nthe 2\nof 3\nthe 4\n"));

    [Fact]
    public void Read_InvalidUtf8_NamesTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes("a 1\nb 2\nc").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" 3\n")).ToArray();

        Assert.Equal("vectors.txt, line 3: not valid UTF-8 (at byte 2 of the line).", RefuseBytes("vectors.txt", bytes));
    }

    [Fact]
    public void Read_GloveFirstLineOverMaxDimension_Refused() =>
        Assert.Equal("vectors.txt, line 1: 4097 values; a vector needs 1..4096.",
            Refuse("vectors.txt", "a " + string.Join(' ', Enumerable.Repeat("1", 4097)) + "\n"));

    [Fact]
    public void Read_GloveWordWithoutValues_Refused() =>
        Assert.Equal("vectors.txt, line 1: 0 values; a vector needs 1..4096.", Refuse("vectors.txt", "lonely\n"));

    [Theory]
    [InlineData("2 5000", "dimension 5000")]
    [InlineData("2 0", "dimension 0")]
    [InlineData("0 3", "0 vectors")]
    [InlineData("2000000 2000", "more than one matrix can hold")]
    public void Read_HeaderOutOfRange_Refused(string header, string reason)
    {
        var message = Refuse("wiki.vec", header + "\na 1 2 3\n");

        Assert.StartsWith("wiki.vec, line 1: the header says", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public void Read_WordOver1000Bytes_Refused() =>
        Assert.Equal("vectors.txt, line 2: the word is 1,001 bytes long; at most 1,000 are allowed.", Refuse("vectors.txt", $"a 1\n{new string('x', 1001)} 2\n"));

    [Fact]
    public void Read_LineStartingWithWhitespace_SaysWordIsEmpty() =>
        Assert.Contains("vectors.vec, line 3: the line starts with whitespace", Refuse("vectors.vec", "2 2\na 1 2\n 3 4\n"));

    [Fact]
    public void Read_WordOfNonBreakingSpace_SaysWhitespaceOnly() =>
        Assert.Equal("vectors.txt, line 2: the word is whitespace-only; remove or rename that entry.", Refuse("vectors.txt", "a 1\n\u00A0 2\n"));

    [Fact]
    public void Read_LineWithoutBreakOver4MiB_Refused() =>
        Assert.Contains("vectors.txt, line 1: longer than 4 MiB", Refuse("vectors.txt", "a " + new string('1', 5 << 20)));

    [Fact]
    public void Read_BinaryEndsEarly_SaysTruncatedAfterWord()
    {
        var path = TempPath("vectors.bin");
        WriteWord2VecBinary(path, Toy);
        var bytes = File.ReadAllBytes(path);

        Assert.Equal("vectors.bin: truncated after word 3 of 4.", RefuseBytes("vectors.bin", bytes[..^6]));
        Assert.Equal("vectors.bin: truncated after word 3 of 4.", RefuseBytes("vectors.bin", bytes[..^13])); // right after the word
        Assert.Equal("vectors.bin: truncated after word 3 of 4.", RefuseBytes("vectors.bin", bytes[..^23])); // before the word
    }

    [Fact]
    public void Read_BinaryHeaderCountAboveBody_SaysTruncated() =>
        Assert.Equal("vectors.bin: truncated after word 4 of 5.", RefuseBytes("vectors.bin", Binary(Toy).Replace("4 3\n", "5 3\n")));

    [Fact]
    public void Read_BinaryHeaderCountBelowBody_SaysMoreData() =>
        Assert.StartsWith("vectors.bin: more data after the header's 3 vectors", RefuseBytes("vectors.bin", Binary(Toy).Replace("4 3\n", "3 3\n")));

    [Fact]
    public void Read_BinaryDuplicate_NamesBothWords() =>
        Assert.Equal("vectors.bin: duplicate word 'a' (words 1 and 3).", RefuseBytes("vectors.bin", Binary([("a", [1f]), ("b", [2f]), ("a", [3f])])));

    [Fact]
    public void Read_BinaryNaN_NamesWordAndValue() =>
        Assert.Equal("vectors.bin: word 2 ('b'), value 2 is NaN or infinity.", RefuseBytes("vectors.bin", Binary([("a", [1f, 2f]), ("b", [2f, float.NaN])])));

    [Fact]
    public void Read_BinaryInvalidUtf8Word_NamesRecord()
    {
        var bytes = Binary([("a", [1f]), ("bb", [2f])]);
        bytes[Array.IndexOf(bytes, (byte)'b')] = 0xFF;

        Assert.StartsWith("vectors.bin: word 2 (", RefuseBytes("vectors.bin", bytes));
        Assert.EndsWith("is not valid UTF-8.", RefuseBytes("vectors.bin", bytes));
    }

    [Fact]
    public void Read_BinaryWordWithoutSpace_SaysTooLong()
    {
        var bytes = Encoding.ASCII.GetBytes("1 1\n" + new string('x', 2000) + " ").Concat(new byte[4]).ToArray();

        Assert.StartsWith("vectors.bin: word 1 is longer than 1,000 bytes", RefuseBytes("vectors.bin", bytes));
    }

    [Fact]
    public void Read_GzipBomb_RefusedOnceMaxBytesIsPassed()
    {
        // 50 MB of zeros gzip to ~50 KB; with a 1 MB limit the reader must stop after ~1 MB, not inflate 50.
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(Encoding.ASCII.GetBytes("a 1\n"));
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 50; i++)
            {
                zip.Write(zeros);
            }
        }

        var message = RefuseBytes("bomb.txt.gz", compressed.ToArray(), new WordVectorReadOptions { MaxBytes = 1 << 20 });

        Assert.True(compressed.Length < 200_000);
        Assert.Equal("bomb.txt.gz: more than 1,048,576 bytes once decompressed (the import limit); refusing it as too large or a gzip bomb.", message);
    }

    [Fact]
    public void Read_PlainFileOverMaxBytes_RefusedBeforeReading() =>
        Assert.Contains("more than 10 bytes once decompressed", Refuse("vectors.txt", "abc 1 2 3 4 5\n", new WordVectorReadOptions { MaxBytes = 10 }));

    [Fact]
    public void Read_CorruptGzip_SaysCorrupt()
    {
        var path = TempPath("v.txt.gz");
        WriteGloveText(path, Toy, gzip: true);
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan(10, bytes.Length - 18).Fill(0xFF);

        Assert.StartsWith("v.txt.gz: the gzip data is corrupt", RefuseBytes("v.txt.gz", bytes));
    }

    [Fact]
    public void Read_MissingFile_SaysNotFound() =>
        Assert.Equal("nowhere.vec: file not found.",
            Assert.Throws<ModelImportException>(() => WordVectorFileReader.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "nowhere.vec"))).Message);

    [Fact]
    public void Read_CancelledBeforeStart_ThrowsOperationCanceled()
    {
        var path = TempPath("glove.txt");
        WriteGloveText(path, Toy);

        Assert.Throws<OperationCanceledException>(() => WordVectorFileReader.Read(path, cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void Read_CancelledWhileReading_ThrowsOperationCanceled()
    {
        // ~5 MB, so cancelling at the first progress report leaves thousands of lines still to read.
        var path = TempPath("glove.txt");
        WriteGloveText(path, Enumerable.Range(0, 30_000).Select(i => ($"w{i}", Enumerable.Repeat(0.123456f, 15).ToArray())));
        using var cts = new CancellationTokenSource();
        var progress = new WordVectorFileReaderTests.SyncProgress(_ => cts.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => WordVectorFileReader.Read(path, progress: progress, cancellationToken: cts.Token));
    }

    private static byte[] Binary((string Word, float[] Vector)[] rows)
    {
        var path = TempPath("vectors.bin");
        WriteWord2VecBinary(path, rows);
        return File.ReadAllBytes(path);
    }
}

internal static class ByteArrayExtensions
{
    /// <summary>Replaces the ASCII header at the start of a binary fixture.</summary>
    public static byte[] Replace(this byte[] bytes, string oldHeader, string newHeader)
    {
        Assert.Equal(oldHeader, Encoding.ASCII.GetString(bytes, 0, oldHeader.Length));
        return [.. Encoding.ASCII.GetBytes(newHeader), .. bytes[oldHeader.Length..]];
    }
}
