using EmbedDashboard.Inference.Import;
using EmbedDashboard.Inference.Import.Vectors;
using static EmbedDashboard.Inference.Tests.Import.Vectors.WordVectorFixtures;

namespace EmbedDashboard.Inference.Tests.Import.Vectors;

public sealed class WordVectorFileReaderTests
{
    private static void AssertToy(WordVectorReadResult result)
    {
        Assert.Equal(Toy.Select(r => r.Word), result.Vectors.Words);
        Assert.Equal(Toy.SelectMany(r => r.Vector), result.Vectors.Matrix);
        Assert.Equal(3, result.Vectors.Dimension);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_GloveText_RoundTripsWordsOrderAndValues(bool gzip)
    {
        var path = TempPath("glove.txt");
        WriteGloveText(path, Toy, gzip);

        var result = WordVectorFileReader.Read(path);

        AssertToy(result);
        Assert.Equal(WordVectorFormat.GloveText, result.Format);
        Assert.Equal(gzip, result.Gzipped);
        Assert.Equal(4, result.LinesRead);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Word2VecText_RoundTripsAndCountsHeaderLine(bool gzip)
    {
        var path = TempPath("wiki.vec");
        WriteWord2VecText(path, Toy, gzip);

        var result = WordVectorFileReader.Read(path);

        AssertToy(result);
        Assert.Equal(WordVectorFormat.Word2VecText, result.Format);
        Assert.Equal(gzip, result.Gzipped);
        Assert.Equal(5, result.LinesRead);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void Read_Word2VecBinary_RoundTripsWithOrWithoutNewlines(bool gzip, bool newlineAfterVector)
    {
        var path = TempPath("vectors.bin");
        WriteWord2VecBinary(path, Toy, gzip, newlineAfterVector);

        var result = WordVectorFileReader.Read(path);

        AssertToy(result);
        Assert.Equal(WordVectorFormat.Word2VecBinary, result.Format);
        Assert.Equal(gzip, result.Gzipped);
    }

    [Fact]
    public void Read_Word2VecBinaryWithZeroVectors_DetectedAsBinary()
    {
        // Zeros are all NUL bytes, and a '\n' (0x0A) inside the floats must not end a "record" early.
        var path = TempPath("zeros.bin");
        WriteWord2VecBinary(path, [("a", [0f, 0f]), ("b", [BitConverter.Int32BitsToSingle(0x0A0A0A0A), 1f])]);

        var result = WordVectorFileReader.Read(path);

        Assert.Equal(WordVectorFormat.Word2VecBinary, result.Format);
        Assert.Equal([0f, 0f, BitConverter.Int32BitsToSingle(0x0A0A0A0A), 1f], result.Vectors.Matrix);
    }

    [Fact]
    public void Read_GzipDetectedByMagicBytesNotName()
    {
        var gzipNamedTxt = TempPath("vectors.txt");
        WriteGloveText(gzipNamedTxt, Toy, gzip: true);
        var plainNamedGz = TempPath("vectors.txt.gz");
        WriteGloveText(plainNamedGz, Toy);

        Assert.True(WordVectorFileReader.Read(gzipNamedTxt).Gzipped);
        Assert.False(WordVectorFileReader.Read(plainNamedGz).Gzipped);
        AssertToy(WordVectorFileReader.Read(gzipNamedTxt));
        AssertToy(WordVectorFileReader.Read(plainNamedGz));
    }

    [Fact]
    public void Read_BomCrlfTabsRepeatedAndTrailingSpaces_ParsedLikeClean()
    {
        var path = TempPath("messy.txt");
        WriteText(path, "\uFEFFthe 0.418\t0.24968  -0.41242 \r\n,\t\t0.013441 0.23682 -0.16899\t\r\n's 1e-7 -3.5e10 0\r\nünïcode 1E-45 3.4028235E+38 -1");

        var result = WordVectorFileReader.Read(path);

        AssertToy(result);
    }

    [Fact]
    public void Read_BlankLines_SkippedCountedAndLineNumbersStayPhysical()
    {
        var path = TempPath("blank.txt");
        WriteText(path, "a 1 2\n\n   \nb 3 4\n\nc 5\n");

        var ex = Assert.Throws<ModelImportException>(() => WordVectorFileReader.Read(path));
        WriteText(path, "a 1 2\n\n   \nb 3 4\n");
        var result = WordVectorFileReader.Read(path);

        Assert.Contains("line 6: 1 values", ex.Message);
        Assert.Equal(["a", "b"], result.Vectors.Words);
        Assert.Equal(2, result.BlankLinesSkipped);
        Assert.Equal(4, result.LinesRead);
    }

    [Fact]
    public void Read_FirstLineBlank_DimensionSourceNamesTheRealLine()
    {
        var path = TempPath("vectors.txt");
        WriteText(path, "\na 1 2\nb 3\n");

        var ex = Assert.Throws<ModelImportException>(() => WordVectorFileReader.Read(path));

        Assert.Equal("vectors.txt, line 3: 1 values, expected 2 (line 2, the first vector, has 2).", ex.Message);
    }

    [Fact]
    public void Read_WordsWithPunctuationAndNonAscii_KeptVerbatim()
    {
        var path = TempPath("vectors.txt");
        WriteText(path, ". 1\n's 2\n\"quoted\" 3\n日本 4\n");

        var result = WordVectorFileReader.Read(path);

        Assert.Equal([".", "'s", "\"quoted\"", "日本"], result.Vectors.Words);
        Assert.True(result.Vectors.TryGetIndex("日本", out var i));
        Assert.Equal(3, i);
    }

    [Fact]
    public void Read_LargeFile_ReportsIncreasingProgressEndingAtOne()
    {
        var path = TempPath("big.txt");
        WriteGloveText(path, Enumerable.Range(0, 20_000).Select(i => ($"w{i}", Enumerable.Range(0, 20).Select(j => i * 0.001f + j).ToArray())));
        var reports = new List<double>();

        var result = WordVectorFileReader.Read(path, progress: new SyncProgress(reports.Add));

        Assert.Equal(20_000, result.Vectors.Count);
        Assert.Equal("w19999", result.Vectors.Words[^1]);
        Assert.Equal(19999 * 0.001f + 19, result.Vectors.Matrix[^1]);
        Assert.True(reports.Count >= 2);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(1.0, reports[^1]);
    }

    [Theory]
    [InlineData("glove.txt", WordVectorFormat.GloveText, false)]
    [InlineData("glove.txt.gz", WordVectorFormat.GloveText, true)]
    [InlineData("wiki.vec", WordVectorFormat.Word2VecText, false)]
    [InlineData("wiki.vec.gz", WordVectorFormat.Word2VecText, true)]
    [InlineData("vectors.bin", WordVectorFormat.Word2VecBinary, false)]
    [InlineData("vectors.bin.gz", WordVectorFormat.Word2VecBinary, true)]
    public void Detect_EachFormat_ReturnsIt(string fileName, WordVectorFormat format, bool gzip)
    {
        var path = TempPath(fileName);
        switch (format)
        {
            case WordVectorFormat.GloveText: WriteGloveText(path, Toy, gzip); break;
            case WordVectorFormat.Word2VecText: WriteWord2VecText(path, Toy, gzip); break;
            default: WriteWord2VecBinary(path, Toy, gzip); break;
        }

        Assert.Equal(format, WordVectorFileReader.Detect(path));
    }

    [Fact]
    public void Detect_HeaderThenMalformedTextRecord_StillTextSoTheLineIsNamed()
    {
        var path = TempPath("wiki.vec");
        WriteText(path, "2 3\nthe 1 2\nof 1 2 3\n");

        var format = WordVectorFileReader.Detect(path);
        var ex = Assert.Throws<ModelImportException>(() => WordVectorFileReader.Read(path));

        Assert.Equal(WordVectorFormat.Word2VecText, format);
        Assert.Equal("wiki.vec, line 2: 2 values, expected 3 (the header says 3).", ex.Message);
    }

    [Fact]
    public void Detect_EmptyFile_Refused()
    {
        var path = TempPath("empty.txt");
        File.WriteAllBytes(path, []);

        var ex = Assert.Throws<ModelImportException>(() => WordVectorFileReader.Detect(path));

        Assert.Contains("empty.txt: the file is empty", ex.Message);
    }

    internal sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
