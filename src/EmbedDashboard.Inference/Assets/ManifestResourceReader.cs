using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace EmbedDashboard.Inference.Assets;

/// <summary>Where one embedded manifest resource's bytes lie in its assembly file.</summary>
public readonly record struct ResourceSpan(long FileOffset, long Length);

/// <summary>
/// Reads embedded manifest resources straight from an assembly's file with System.Reflection.Metadata, without
/// loading it: nothing of a downloaded package runs, and a netstandard assembly needs no load context. A resource
/// is stored in the CLI header's resources directory at its ManifestResource offset as a uint32 length + the bytes.
/// </summary>
internal static class ManifestResourceReader
{
    /// <summary>The embedded resources by name (resources in other files or assemblies are skipped).</summary>
    public static IReadOnlyDictionary<string, ResourceSpan> Locate(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream, PEStreamOptions.LeaveOpen);
        if (!pe.HasMetadata || pe.PEHeaders.CorHeader is not { } cor)
        {
            throw new InvalidDataException($"{Path.GetFullPath(assemblyPath)} is not a .NET assembly (no CLI metadata).");
        }

        var metadata = pe.GetMetadataReader();
        var directory = cor.ResourcesDirectory;
        if (!pe.PEHeaders.TryGetDirectoryOffset(directory, out var start))
        {
            return new Dictionary<string, ResourceSpan>();
        }

        var result = new Dictionary<string, ResourceSpan>(StringComparer.Ordinal);
        Span<byte> prefix = stackalloc byte[4];
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil)
            {
                continue;
            }

            var name = metadata.GetString(resource.Name);
            stream.Position = start + resource.Offset;
            stream.ReadExactly(prefix);
            long length = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
            if (resource.Offset + 4 + length > directory.Size)
            {
                throw new InvalidDataException($"{Path.GetFullPath(assemblyPath)}: resource {name} runs past the resources directory.");
            }

            result[name] = new ResourceSpan(start + resource.Offset + 4, length);
        }

        return result;
    }

    /// <summary>Copies a resource's bytes to destination; returns their SHA-256 (hashed while copying, not re-read).</summary>
    public static async Task<string> CopyAsync(string assemblyPath, ResourceSpan span, string destination, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        await using var target = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        source.Position = span.FileOffset;
        var buffer = new byte[1 << 20];
        for (var left = span.Length; left > 0;)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException($"{Path.GetFullPath(assemblyPath)} ends inside a resource.");
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            left -= read;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
