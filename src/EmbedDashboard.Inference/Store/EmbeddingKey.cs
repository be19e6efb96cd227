using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EmbedDashboard.Inference.Store;

/// <summary>
/// A stored vector's key: SHA-256 of the cache key text ("sha256:&lt;model&gt;|pooling|normalize|max tokens|prefix|SHA-256(text)"),
/// 32 bytes whatever the text's length. Equal keys mean the same model file, options and input.
/// </summary>
public readonly record struct EmbeddingKey(UInt128 High, UInt128 Low)
{
    public const int Size = 32;

    public static EmbeddingKey Of(string cacheKey)
    {
        Span<byte> hash = stackalloc byte[Size];
        SHA256.HashData(Encoding.UTF8.GetBytes(cacheKey), hash);
        return Read(hash);
    }

    public static EmbeddingKey Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt128LittleEndian(bytes), BinaryPrimitives.ReadUInt128LittleEndian(bytes[16..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt128LittleEndian(destination, High);
        BinaryPrimitives.WriteUInt128LittleEndian(destination[16..], Low);
    }
}
