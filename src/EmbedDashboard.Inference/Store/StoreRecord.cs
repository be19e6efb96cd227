using System.Buffers.Binary;
using System.Runtime.InteropServices;
using K4os.Hash.xxHash;

namespace EmbedDashboard.Inference.Store;

/// <summary>
/// One record of the store file, little-endian: magic "EVR1" (uint32), dimension (int32), key (32 bytes), dimension × float32,
/// then XXH64 of everything before it. A record is valid only when complete and its checksum matches, so a write cut short
/// by a crash (or a flipped bit) is never read as a vector.
/// </summary>
internal static class StoreRecord
{
    public const uint Magic = 0x31525645; // "EVR1"
    public const int HeaderBytes = 8 + EmbeddingKey.Size;
    public const int MaxDimension = 1 << 16;

    /// <summary>"EDSTORE1": the file's first 8 bytes, so a store never reads some other file as vectors.</summary>
    public static ReadOnlySpan<byte> FileHeader => "EDSTORE1"u8;

    public static int Size(int dimension) => HeaderBytes + dimension * sizeof(float) + sizeof(ulong);

    public static void Write(Span<byte> destination, EmbeddingKey key, ReadOnlySpan<float> vector)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], vector.Length);
        key.Write(destination[8..]);
        var body = HeaderBytes + vector.Length * sizeof(float);
        MemoryMarshal.AsBytes(vector).CopyTo(destination[HeaderBytes..]);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[body..], XXH64.DigestOf(destination[..body]));
    }

    /// <summary>The dimension announced by a record's first 8 bytes, or -1 when they are not a record's start.</summary>
    public static int Dimension(ReadOnlySpan<byte> start)
    {
        if (start.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(start) != Magic)
        {
            return -1;
        }

        var dimension = BinaryPrimitives.ReadInt32LittleEndian(start[4..]);
        return dimension is > 0 and <= MaxDimension ? dimension : -1;
    }

    /// <summary>True when the record (exactly <see cref="Size"/> bytes) is complete and its checksum matches.</summary>
    public static bool IsValid(ReadOnlySpan<byte> record, int dimension)
    {
        var body = HeaderBytes + dimension * sizeof(float);
        return record.Length == body + sizeof(ulong)
            && Dimension(record) == dimension
            && BinaryPrimitives.ReadUInt64LittleEndian(record[body..]) == XXH64.DigestOf(record[..body]);
    }

    public static EmbeddingKey Key(ReadOnlySpan<byte> record) => EmbeddingKey.Read(record[8..]);

    public static float[] Vector(ReadOnlySpan<byte> record, int dimension) =>
        MemoryMarshal.Cast<byte, float>(record.Slice(HeaderBytes, dimension * sizeof(float))).ToArray();
}
