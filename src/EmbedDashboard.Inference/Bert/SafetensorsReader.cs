using System.Buffers.Binary;
using System.Text.Json;

namespace EmbedDashboard.Inference.Bert;

/// <summary>A float32 tensor read from a checkpoint (f16/bf16 are up-cast).</summary>
public sealed record NamedTensor(string Name, int[] Shape, float[] Data)
{
    public int Size => Shape.Aggregate(1, (a, b) => a * b);
}

/// <summary>
/// Reads the safetensors format: 8-byte little-endian header length, a JSON header mapping tensor
/// names to dtype/shape/byte offsets, then the raw little-endian data.
/// </summary>
public static class SafetensorsReader
{
    public static IReadOnlyDictionary<string, NamedTensor> ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Safetensors file not found: {Path.GetFullPath(path)}", path);
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw new InvalidDataException($"Not a safetensors file (too short): {Path.GetFullPath(path)}");
        }

        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        if (headerLength <= 0 || 8 + headerLength > bytes.Length)
        {
            throw new InvalidDataException($"Not a safetensors file (header length {headerLength}): {Path.GetFullPath(path)}");
        }

        var dataStart = 8 + (int)headerLength;
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var tensors = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                continue;
            }

            var dtype = entry.Value.GetProperty("dtype").GetString();
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var span = bytes.AsSpan(dataStart + (int)offsets[0], (int)(offsets[1] - offsets[0]));
            var data = dtype switch
            {
                "F32" => Convert(span, 4, s => BinaryPrimitives.ReadSingleLittleEndian(s)),
                "F16" => Convert(span, 2, s => (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(s))),
                "BF16" => Convert(span, 2, s => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(s) << 16)),
                "I64" => null, // position ids and similar buffers: not weights
                _ => throw new InvalidDataException($"Tensor '{entry.Name}' has unsupported dtype {dtype} in {Path.GetFullPath(path)}"),
            };
            if (data is not null)
            {
                tensors[entry.Name] = new NamedTensor(entry.Name, shape, data);
            }
        }

        return tensors;
    }

    private delegate float ReadOne(ReadOnlySpan<byte> source);

    private static float[] Convert(ReadOnlySpan<byte> source, int width, ReadOne read)
    {
        var result = new float[source.Length / width];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = read(source.Slice(i * width, width));
        }

        return result;
    }

    /// <summary>Writes float32 tensors in safetensors format (used by tests and by fine-tuning to save weights).</summary>
    public static void WriteF32(string path, IEnumerable<NamedTensor> tensors)
    {
        var list = tensors.ToList();
        var header = new Dictionary<string, object>();
        long offset = 0;
        foreach (var t in list)
        {
            header[t.Name] = new { dtype = "F32", shape = t.Shape, data_offsets = new[] { offset, offset + t.Data.Length * 4L } };
            offset += t.Data.Length * 4L;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        using var stream = File.Create(path);
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(len, json.Length);
        stream.Write(len);
        stream.Write(json);
        foreach (var t in list)
        {
            stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.Data.AsSpan()));
        }
    }
}
