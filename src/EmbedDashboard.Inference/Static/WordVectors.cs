using System.Buffers;
using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;

namespace EmbedDashboard.Inference.Static;

/// <summary>
/// Static word vectors (GloVe) in a compact binary file: magic "EDVEC", ASCII version "001", int32 count,
/// int32 dimension, then count × (int32 byte length + UTF-8 word), then the count × dimension float32
/// matrix, all little-endian. Words keep the source's order (frequency order for GloVe), which analogy
/// evaluation uses to restrict the vocabulary to the most frequent words. Loading is one pass: the
/// matrix is read straight into its final float[] on a second thread while the words are decoded
/// (GloVe 6B 100d, 140 MB: ~0.2–0.4 s).
/// Immutable after construction, so safe to share between threads.
/// </summary>
public sealed class WordVectors
{
    private static readonly byte[] Magic = "EDVEC"u8.ToArray();
    private static readonly byte[] Version = "001"u8.ToArray();
    private readonly Dictionary<string, int> _index;
    private readonly Lazy<float[]> _normalized;

    public WordVectors(IReadOnlyList<string> words, float[] matrix, int dimension)
    {
        if (dimension <= 0 || matrix.Length != (long)words.Count * dimension)
        {
            throw new ArgumentException($"Matrix has {matrix.Length} floats, expected {words.Count}×{dimension}.");
        }

        Words = words;
        Matrix = matrix;
        Dimension = dimension;
        _index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            _index.TryAdd(words[i], i); // first (most frequent) wins if a word repeats
        }

        _normalized = new Lazy<float[]>(Normalize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Vocabulary in file order (most frequent first for GloVe).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Row-major count × dimension, as stored (not normalised).</summary>
    public float[] Matrix { get; }

    public int Dimension { get; }

    public int Count => Words.Count;

    /// <summary>An L2-normalised copy of <see cref="Matrix"/> (built on first use, then shared): cosine = dot product.</summary>
    public float[] NormalizedMatrix => _normalized.Value;

    public bool TryGetIndex(string word, out int index) => _index.TryGetValue(word, out index);

    public ReadOnlySpan<float> Vector(int index) => Matrix.AsSpan(index * Dimension, Dimension);

    public ReadOnlySpan<float> NormalizedVector(int index) => NormalizedMatrix.AsSpan(index * Dimension, Dimension);

    public void Save(string path)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new BufferedStream(File.Create(temp), 1 << 20))
        {
            stream.Write(Magic);
            stream.Write(Version);
            Span<byte> int32 = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(int32, Count);
            stream.Write(int32);
            BinaryPrimitives.WriteInt32LittleEndian(int32, Dimension);
            stream.Write(int32);
            foreach (var word in Words)
            {
                var bytes = Encoding.UTF8.GetBytes(word);
                BinaryPrimitives.WriteInt32LittleEndian(int32, bytes.Length);
                stream.Write(int32);
                stream.Write(bytes);
            }

            RequireLittleEndian();
            stream.Write(MemoryMarshal.AsBytes(Matrix.AsSpan()));
        }

        File.Move(temp, path, overwrite: true);
    }

    public static WordVectors Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Word vector file not found: {full}", full);
        }

        using var stream = new BufferedStream(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), 1 << 20);
        Span<byte> header = stackalloc byte[16];
        if (stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 16 || !header[..5].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"Not an EmbedDashboard word vector file (bad magic): {full}");
        }

        if (!header[5..8].SequenceEqual(Version))
        {
            throw new InvalidDataException($"Unsupported word vector file version '{Encoding.ASCII.GetString(header[5..8])}' (expected 001); re-run set-up: {full}");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var dimension = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (count < 0 || dimension <= 0)
        {
            throw new InvalidDataException($"Corrupt word vector header (count {count}, dimension {dimension}): {full}");
        }

        // The matrix is the file's tail, so it can be read on another core while the words are decoded.
        var matrixBytes = (long)count * dimension * sizeof(float);
        var matrixOffset = stream.Length - matrixBytes;
        if (matrixOffset < 16 + 4L * count)
        {
            throw new InvalidDataException($"Truncated word vector file ({stream.Length} bytes for {count} words × {dimension}): {full}");
        }

        RequireLittleEndian();
        var matrix = GC.AllocateUninitializedArray<float>(count * dimension, pinned: true);
        HugePages.Advise(matrix);
        var matrixRead = Task.Run(() => ReadMatrix(full, matrix, matrixOffset));
        string[] words;
        long position;
        try
        {
            words = ReadWords(stream, count, full, out position);
        }
        finally
        {
            matrixRead.GetAwaiter().GetResult();
        }

        if (position != matrixOffset)
        {
            throw new InvalidDataException($"Truncated word vector file ({stream.Length - position} matrix bytes, expected {matrixBytes}): {full}");
        }

        return new WordVectors(words, matrix, dimension);
    }

    private static void ReadMatrix(string path, float[] matrix, long offset)
    {
        using var handle = File.OpenHandle(path);
        var bytes = MemoryMarshal.AsBytes(matrix.AsSpan());
        var done = 0;
        while (done < bytes.Length)
        {
            var read = RandomAccess.Read(handle, bytes[done..], offset + done);
            if (read == 0)
            {
                throw new InvalidDataException($"Truncated word vector file (matrix ends early): {path}");
            }

            done += read;
        }
    }

    private static string[] ReadWords(Stream stream, int count, string path, out long position)
    {
        var words = new string[count];
        var buffer = ArrayPool<byte>.Shared.Rent(256);
        Span<byte> int32 = stackalloc byte[4];
        position = 16;
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (stream.ReadAtLeast(int32, 4, throwOnEndOfStream: false) < 4)
                {
                    throw new InvalidDataException($"Truncated word vector file (word {i} of {count}): {path}");
                }

                var length = BinaryPrimitives.ReadInt32LittleEndian(int32);
                if (length is < 0 or > 1 << 16)
                {
                    throw new InvalidDataException($"Corrupt word vector file (word {i} has length {length}): {path}");
                }

                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                if (stream.ReadAtLeast(buffer.AsSpan(0, length), length, throwOnEndOfStream: false) < length)
                {
                    throw new InvalidDataException($"Truncated word vector file (word {i} of {count}): {path}");
                }

                words[i] = Encoding.UTF8.GetString(buffer, 0, length);
                position += 4 + length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return words;
    }

    private float[] Normalize()
    {
        var result = (float[])Matrix.Clone();
        for (var i = 0; i < Count; i++)
        {
            var row = result.AsSpan(i * Dimension, Dimension);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }

        return result;
    }

    // The matrix is written and read as raw bytes; every platform .NET 10 targets in practice is little-endian.
    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Word vector files are little-endian; big-endian hosts are not supported.");
        }
    }
}
