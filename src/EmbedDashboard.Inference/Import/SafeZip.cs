using System.IO.Compression;

namespace EmbedDashboard.Inference.Import;

/// <summary>
/// Unpacks a user's .zip without trusting it: entries may not leave the destination (zip-slip), the bytes
/// actually written are counted against a cap as they are written (a zip bomb stops at the cap, whatever its
/// headers claim), and the number of entries is bounded. macOS resource forks are skipped.
/// </summary>
public static class SafeZip
{
    public static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>Extracts into <paramref name="destination"/> (created) and returns the folder the model is in.</summary>
    public static string Extract(string zipPath, string destination, long maxBytes, int maxEntries, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelImportException($"{Path.GetFileName(zipPath)} is not a readable .zip: {ex.Message}", ex);
        }

        using (archive)
        {
            var entries = archive.Entries.Where(e => !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && e.Name.Length > 0).ToList();
            if (entries.Count > maxEntries)
            {
                throw new ModelImportException($"{Path.GetFileName(zipPath)} has {entries.Count:N0} files; at most {maxEntries:N0} are accepted.");
            }

            if (entries.Sum(e => e.Length) > maxBytes)
            {
                throw new ModelImportException($"{Path.GetFileName(zipPath)} unpacks to {entries.Sum(e => e.Length):N0} bytes, over the {maxBytes:N0}-byte import limit (Models:MaxImportBytes).");
            }

            long written = 0;
            var buffer = new byte[1 << 16];
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new ModelImportException($"{Path.GetFileName(zipPath)}: entry '{entry.FullName}' points outside the archive's folder; refused.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    using var input = entry.Open();
                    using var output = File.Create(target);
                    int read;
                    while ((read = input.Read(buffer)) > 0)
                    {
                        written += read;
                        if (written > maxBytes)
                        {
                            throw new ModelImportException(
                                $"{Path.GetFileName(zipPath)} unpacks to more than {maxBytes:N0} bytes (its headers claimed less): refused as a possible zip bomb.");
                        }

                        output.Write(buffer, 0, read);
                    }
                }
                catch (InvalidDataException ex)
                {
                    throw new ModelImportException($"{Path.GetFileName(zipPath)}: entry '{entry.FullName}' is corrupt: {ex.Message}", ex);
                }
            }
        }

        return ModelRoot(root);
    }

    /// <summary>A zip of a folder usually holds that one folder: the model is inside it.</summary>
    private static string ModelRoot(string root)
    {
        var current = root.TrimEnd(Path.DirectorySeparatorChar);
        while (Directory.GetFiles(current).Length == 0 && Directory.GetDirectories(current) is [var only])
        {
            current = only;
        }

        return current;
    }
}
