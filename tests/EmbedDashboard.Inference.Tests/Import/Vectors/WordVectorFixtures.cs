using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace EmbedDashboard.Inference.Tests.Import.Vectors;

/// <summary>Writes tiny word-vector files in each format (gzip optional) for the reader's tests.</summary>
public static class WordVectorFixtures
{
    public static readonly (string Word, float[] Vector)[] Toy =
    [
        ("the", [0.418f, 0.24968f, -0.41242f]),
        (",", [0.013441f, 0.23682f, -0.16899f]),
        ("'s", [1e-7f, -3.5e10f, 0f]),
        ("ünïcode", [float.Epsilon, float.MaxValue, -1f]),
    ];

    public static string TempPath(string fileName) => Path.Combine(Directory.CreateTempSubdirectory().FullName, fileName);

    public static void WriteGloveText(string path, IEnumerable<(string Word, float[] Vector)> rows, bool gzip = false) =>
        WriteText(path, string.Concat(rows.Select(Line)), gzip);

    public static void WriteWord2VecText(string path, IReadOnlyCollection<(string Word, float[] Vector)> rows, bool gzip = false) =>
        WriteText(path, $"{rows.Count} {rows.First().Vector.Length}\n" + string.Concat(rows.Select(Line)), gzip);

    /// <param name="newlineAfterVector">The original word2vec and gensim write '\n' after each vector; some writers do not.</param>
    public static void WriteWord2VecBinary(string path, IReadOnlyCollection<(string Word, float[] Vector)> rows, bool gzip = false, bool newlineAfterVector = true)
    {
        using var bytes = new MemoryStream();
        bytes.Write(Encoding.ASCII.GetBytes($"{rows.Count} {rows.First().Vector.Length}\n"));
        foreach (var (word, vector) in rows)
        {
            bytes.Write(Encoding.UTF8.GetBytes(word + " "));
            bytes.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            if (newlineAfterVector)
            {
                bytes.WriteByte((byte)'\n');
            }
        }

        WriteBytes(path, bytes.ToArray(), gzip);
    }

    public static void WriteText(string path, string content, bool gzip = false) => WriteBytes(path, Encoding.UTF8.GetBytes(content), gzip);

    public static void WriteBytes(string path, byte[] content, bool gzip = false)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return;
        }

        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(content);
    }

    // .NET Core 3+ float.ToString() gives the shortest text that parses back to the same float, so round trips are exact.
    private static string Line((string Word, float[] Vector) row) =>
        row.Word + " " + string.Join(' ', row.Vector.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "\n";
}
