using System.Buffers.Binary;
using System.Text;

namespace EmbedDashboard.Training.Torch;

/// <summary>
/// Makes TorchSharp 0.107.0 load on Debian 12. Its libLibTorchSharp.so was linked with GCC 13 and so
/// asks libstdc++ for version GLIBCXX_3.4.32, which Debian 12's libstdc++ (GCC 12) lacks, and the
/// loader refuses the whole library. The only symbol it wants at that version is
/// std::ios_base_library_init, which GCC 13 references from every file that includes &lt;iostream&gt;
/// only to pull in libstdc++'s stream initialiser; nothing relocates against it, so it is never
/// looked up. Marking that one version need WEAK (ELF VER_FLG_WEAK, what the linker writes for weak
/// references) lets the loader accept the library; the streams are initialised by libstdc++ itself
/// as before. The file in the build output is patched once, in place, only when the running system's
/// libstdc++ lacks a version the library needs (checked here: GLIBCXX_3.4.32 is the only one, and
/// `readelf -r` shows no relocation against its one symbol).
/// </summary>
public static class LibTorchCompat
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;
    private static readonly Lock Gate = new();
    private static string? _status;

    /// <summary>What was done (or why nothing was needed); for the log and the Models page.</summary>
    public static string Status => _status ?? "not checked yet";

    /// <summary>Call before the first use of TorchSharp. Idempotent and cheap after the first call.</summary>
    public static void EnsureLoadable()
    {
        lock (Gate)
        {
            if (_status is not null) return;
            _status = Patch();
        }
    }

    private static string Patch()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux: nothing to do";
        var torchDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!;
        var library = Path.Combine(torchDir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(library)) return $"{library} not found: TorchSharp will look elsewhere";
        var systemVersions = SystemLibStdCxxVersions();
        if (systemVersions is null) return "system libstdc++ not found: left as shipped";

        var bytes = File.ReadAllBytes(library);
        var missing = MarkMissingVersionsWeak(bytes, "libstdc++.so.6", systemVersions);
        if (missing.Count == 0) return "libLibTorchSharp.so loads as shipped";
        try
        {
            var temp = library + ".patching";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, library, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"could not patch {library} ({ex.Message}); libtorch will not load on this system";
        }

        return $"marked {string.Join(", ", missing)} weak in {library} (system libstdc++ lacks them; only an unrelocated std::ios_base_library_init reference uses them)";
    }

    /// <summary>Version names (GLIBCXX_*, CXXABI_*) the loaded system libstdc++ defines, or null if it cannot be found.</summary>
    private static HashSet<string>? SystemLibStdCxxVersions()
    {
        string[] candidates = ["/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib/aarch64-linux-gnu/libstdc++.so.6"];
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null) return null;
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        var versions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prefix in new[] { "GLIBCXX_", "CXXABI_" })
        {
            for (var i = text.IndexOf(prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + 1, StringComparison.Ordinal))
            {
                var end = text.IndexOf('\0', i);
                if (end > i) versions.Add(text[i..end]);
            }
        }

        return versions;
    }

    /// <summary>
    /// Walks .gnu.version_r of an ELF64 little-endian file and sets VER_FLG_WEAK on the needs of
    /// <paramref name="file"/> that <paramref name="available"/> lacks. Returns the names changed.
    /// Internal for tests.
    /// </summary>
    internal static IReadOnlyList<string> MarkMissingVersionsWeak(byte[] elf, string file, IReadOnlySet<string> available)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("Not a 64-bit little-endian ELF file.");
        }

        var span = elf.AsSpan();
        var sectionHeaders = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        var changed = new List<string>();
        for (var s = 0; s < count; s++)
        {
            var header = span[(int)(sectionHeaders + s * entrySize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed) continue;
            var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            var link = BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            var strings = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[(int)(sectionHeaders + link * entrySize + 0x18)..]);
            var need = offset;
            while (true)
            {
                var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(span[(need + 2)..]);
                var fileName = ReadString(span, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 4)..]));
                var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 8)..]);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(span, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]));
                    var flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(aux + 4)..]);
                    if (fileName == file && !available.Contains(name) && (flags & VerFlagWeak) == 0)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(span[(aux + 4)..], (ushort)(flags | VerFlagWeak));
                        changed.Add(name);
                    }

                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                }

                var next = BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 12)..]);
                if (next == 0) break;
                need += (int)next;
            }
        }

        return changed;
    }

    private static string ReadString(ReadOnlySpan<byte> span, int start)
    {
        var end = span[start..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(span.Slice(start, end));
    }
}
