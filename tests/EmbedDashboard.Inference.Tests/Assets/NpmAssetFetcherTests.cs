using System.Formats.Tar;
using System.IO.Compression;
using EmbedDashboard.Inference.Assets;

namespace EmbedDashboard.Inference.Tests.Assets;

public sealed class NpmAssetFetcherTests
{
    /// <summary>A .tgz laid out like npm's: everything under package/.</summary>
    private static string MakeTarball(string folder, params (string Name, string Text)[] files)
    {
        var path = Path.Combine(folder, "pkg-1.0.0.tgz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, text) in files)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "package/" + name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) };
            tar.WriteEntry(entry);
        }

        return path;
    }

    [Fact]
    public async Task Sha256Async_Abc_KnownDigest()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "abc");
        await File.WriteAllTextAsync(path, "abc");

        // FIPS 180-2 test vector for "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", await NpmAssetFetcher.Sha256Async(path));
    }

    [Fact]
    public async Task ExtractAsync_Tarball_FilesUnderPackageAndMarkerWritten()
    {
        var work = Directory.CreateTempSubdirectory().FullName;
        var tarball = MakeTarball(work, ("package.json", "{}"), ("data/a.txt", "hello"));
        var destination = Path.Combine(work, "out");

        var extracted = await NpmAssetFetcher.ExtractAsync(tarball, destination, "sha-1", CancellationToken.None);

        Assert.True(extracted);
        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(destination, "package", "data", "a.txt")));
        Assert.True(NpmAssetFetcher.IsExtracted(destination, "sha-1"));
        Assert.Equal([destination], Directory.GetDirectories(work)); // no temp folder left behind
    }

    [Fact]
    public async Task ExtractAsync_SameTarballAgain_Skipped()
    {
        var work = Directory.CreateTempSubdirectory().FullName;
        var tarball = MakeTarball(work, ("a.txt", "original"));
        var destination = Path.Combine(work, "out");
        await NpmAssetFetcher.ExtractAsync(tarball, destination, "sha-1", CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(destination, "package", "a.txt"), "touched");

        var extracted = await NpmAssetFetcher.ExtractAsync(tarball, destination, "sha-1", CancellationToken.None);

        Assert.False(extracted);
        Assert.Equal("touched", await File.ReadAllTextAsync(Path.Combine(destination, "package", "a.txt")));
    }

    [Fact]
    public async Task ExtractAsync_OtherTarballHash_ReplacesFolderEntirely()
    {
        var work = Directory.CreateTempSubdirectory().FullName;
        var destination = Path.Combine(work, "out");
        await NpmAssetFetcher.ExtractAsync(MakeTarball(work, ("old.txt", "1")), destination, "sha-1", CancellationToken.None);

        await NpmAssetFetcher.ExtractAsync(MakeTarball(work, ("new.txt", "2")), destination, "sha-2", CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(destination, "package", "old.txt")));
        Assert.True(File.Exists(Path.Combine(destination, "package", "new.txt")));
        Assert.True(NpmAssetFetcher.IsExtracted(destination, "sha-2"));
    }

    [Fact]
    public async Task ExtractAsync_CorruptTarball_ThrowsAndLeavesNoFolder()
    {
        var work = Directory.CreateTempSubdirectory().FullName;
        var tarball = Path.Combine(work, "bad.tgz");
        await File.WriteAllTextAsync(tarball, "not gzip");
        var destination = Path.Combine(work, "out");

        await Assert.ThrowsAnyAsync<InvalidDataException>(() => NpmAssetFetcher.ExtractAsync(tarball, destination, "sha-1", CancellationToken.None));

        Assert.Empty(Directory.GetDirectories(work));
    }

    [Fact]
    public async Task FetchAsync_VerifiedTarballInCache_ReturnedWithoutNpm()
    {
        var cache = Directory.CreateTempSubdirectory().FullName;
        var tarball = MakeTarball(cache, ("a.txt", "x"));
        var asset = new NpmAsset("pkg", "1.0.0", await NpmAssetFetcher.Sha256Async(tarball), "MIT", "test");

        var fetched = await new NpmAssetFetcher(cache).FetchAsync(asset, null, CancellationToken.None);

        Assert.Equal(tarball, fetched);
    }
}
