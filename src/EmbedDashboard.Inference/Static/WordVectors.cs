using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace EmbedDashboard.Inference.Static;

/// <summary>
/// Static word vectors in a compact binary file: magic "EDVEC001", int32 count, int32 dimension,
/// then count × (int32 byte length + UTF-8 word), then the count × dimension float32 matrix.
/// Words keep the source's order (frequency order for GloVe), which analogy evaluation uses to
/// restrict the vocabulary to the most frequent words.
/// </summary>
public sealed class WordVectors
{
    private static readonly byte[] Magic = "EDVEC001"u8.ToArray();
    private readonly Dictionary<string, int> _index;

    public WordVectors(IReadOnlyList<string> words, float[] matrix, int dimension)
    {
        if (matrix.Length != words.Count * dimension)
        {
            throw new ArgumentException($"Matrix has {matrix.Length} floats, expected {words.Count}×{dimension}.");
        }

        Words = words;
        Matrix = matrix;
        Dimension = dimension;
        _index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            _index.TryAdd(words[i], i);
        }
    }

    /// <summary>Vocabulary in file order (most frequent first for GloVe).</summary>
    public IReadOnlyList<string> Words { get; }
    public float[] Matrix { get; }
    public int Dimension { get; }
    public int Count => Words.Count;

    public bool TryGetIndex(string word, out int index) => _index.TryGetValue(word, out index);

    public ReadOnlySpan<float> Vector(int index) => Matrix.AsSpan(index * Dimension, Dimension);

    public void Save(string path)
    {
        var temp = path + ".tmp";
        using (var stream = new BufferedStream(File.Create(temp), 1 << 20))
        {
            stream.Write(Magic);
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

            stream.Write(MemoryMarshal.AsBytes(Matrix.AsSpan()));
        }

        File.Move(temp, path, overwrite: true);
    }

    public static WordVectors Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Word vector file not found: {Path.GetFullPath(path)}", path);
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"Not an EmbedDashboard word vector file (bad magic): {Path.GetFullPath(path)}");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var dimension = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var words = new string[count];
        var position = 16;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position));
            words[i] = Encoding.UTF8.GetString(bytes, position + 4, length);
            position += 4 + length;
        }

        var expected = (long)count * dimension * 4;
        if (bytes.Length - position != expected)
        {
            throw new InvalidDataException($"Truncated word vector file ({bytes.Length - position} matrix bytes, expected {expected}): {Path.GetFullPath(path)}");
        }

        var matrix = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(position)).ToArray();
        return new WordVectors(words, matrix, dimension);
    }
}
