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
    /// <summary>Headers are a few KB to a few MB; anything larger is not a checkpoint header.</summary>
    private const long MaxHeaderBytes = 100L << 20;

    /// <summary>
    /// Reads every floating-point tensor. The header is checked before any data is read: a truncated file,
    /// a header that is not JSON, or a tensor whose byte range does not fit its shape, dtype or the file is
    /// refused with <see cref="InvalidDataException"/> naming the file and the tensor. Tensors are read one
    /// by one (random access), so checkpoints beyond 2 GB are fine as long as each tensor is below it.
    /// </summary>
    public static IReadOnlyDictionary<string, NamedTensor> ReadAll(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Safetensors file not found: {full}", path);
        }

        using var handle = File.OpenHandle(full);
        var fileLength = RandomAccess.GetLength(handle);
        if (fileLength < 8)
        {
            throw new InvalidDataException($"Not a safetensors file (only {fileLength} bytes): {full}");
        }

        Span<byte> prefix = stackalloc byte[8];
        RandomAccess.Read(handle, prefix, 0);
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(prefix);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > fileLength)
        {
            throw new InvalidDataException($"Not a safetensors file or truncated: its header says {headerLength:N0} bytes, the file has {fileLength:N0}: {full}");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(handle, headerBytes, 8, full);
        JsonDocument header;
        try
        {
            header = JsonDocument.Parse(headerBytes);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The safetensors header is not valid JSON (corrupt or truncated file): {full} ({ex.Message})", ex);
        }

        using (header)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"The safetensors header is not a JSON object: {full}");
            }

            var dataStart = 8 + headerLength;
            var dataLength = fileLength - dataStart;
            var tensors = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    continue;
                }

                var (dtype, shape, begin, end) = Describe(entry, full);
                var width = dtype switch { "F32" or "I32" => 4, "F16" or "BF16" or "I16" => 2, "F64" or "I64" => 8, "U8" or "I8" or "BOOL" => 1, _ => 0 };
                if (width == 0)
                {
                    throw new InvalidDataException($"Tensor '{entry.Name}' has unsupported dtype {dtype} in {full}");
                }

                var elements = shape.Aggregate(1L, (a, b) => a * b);
                if (begin < 0 || end < begin || end > dataLength || end - begin != elements * width)
                {
                    throw new InvalidDataException(
                        $"Tensor '{entry.Name}' ({dtype} [{string.Join(",", shape)}]) claims bytes {begin:N0}–{end:N0} of a {dataLength:N0}-byte data section: the file is truncated or corrupt: {full}");
                }

                if (dtype is not ("F32" or "F16" or "BF16"))
                {
                    continue; // position ids and similar integer buffers: not weights
                }

                if (end - begin > Array.MaxLength)
                {
                    throw new InvalidDataException($"Tensor '{entry.Name}' is {end - begin:N0} bytes, larger than one array can hold: {full}");
                }

                var bytes = new byte[end - begin];
                ReadExactly(handle, bytes, dataStart + begin, full);
                var data = dtype switch
                {
                    "F32" => Convert(bytes, 4, s => BinaryPrimitives.ReadSingleLittleEndian(s)),
                    "F16" => Convert(bytes, 2, s => (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(s))),
                    _ => Convert(bytes, 2, s => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(s) << 16)),
                };
                tensors[entry.Name] = new NamedTensor(entry.Name, shape, data);
            }

            return tensors;
        }
    }

    /// <summary>
    /// A sharded checkpoint: model.safetensors.index.json maps each tensor to its shard file (same folder).
    /// Every shard named there must exist and be readable; all tensors are merged.
    /// </summary>
    public static IReadOnlyDictionary<string, NamedTensor> ReadSharded(string indexPath)
    {
        var full = Path.GetFullPath(indexPath);
        IReadOnlyList<string> shards;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(full));
            shards = doc.RootElement.GetProperty("weight_map").EnumerateObject().Select(p => p.Value.GetString() ?? "").Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{full}: not a safetensors index (expected a JSON object with \"weight_map\"): {ex.Message}", ex);
        }

        var folder = Path.GetDirectoryName(full)!;
        var merged = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            if (shard.Length == 0 || shard != Path.GetFileName(shard))
            {
                throw new InvalidDataException($"{full}: shard name '{shard}' must be a plain file name in the same folder.");
            }

            var shardPath = Path.Combine(folder, shard);
            if (!File.Exists(shardPath))
            {
                throw new InvalidDataException($"{full} names shard '{shard}', which is missing: {shardPath}");
            }

            foreach (var (name, tensor) in ReadAll(shardPath))
            {
                merged[name] = tensor;
            }
        }

        return merged;
    }

    private static (string DType, int[] Shape, long Begin, long End) Describe(JsonProperty entry, string path)
    {
        try
        {
            var dtype = entry.Value.GetProperty("dtype").GetString() ?? "";
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (offsets.Length != 2 || shape.Any(d => d < 0))
            {
                throw new InvalidDataException($"Tensor '{entry.Name}' has malformed shape or data_offsets in {path}");
            }

            return (dtype, shape, offsets[0], offsets[1]);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Tensor '{entry.Name}' lacks dtype, shape or data_offsets in {path}", ex);
        }
    }

    private static void ReadExactly(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long offset, string path)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(done), offset + done);
            if (read == 0)
            {
                throw new InvalidDataException($"Truncated safetensors file: {path}");
            }

            done += read;
        }
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
