using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Import;
using EmbedDashboard.Inference.Tests.Import.Vectors;

namespace EmbedDashboard.Inference.Tests.Import;

/// <summary>Word-vector files through the catalogue: converted once, registered as static embedders, kept across restarts.</summary>
public sealed class WordVectorImportTests
{
    [Theory]
    [InlineData("glove.txt", false)]
    [InlineData("w2v.vec", false)]
    [InlineData("w2v.bin.gz", true)]
    public async Task ImportAsync_VectorsFile_RegistersStaticEmbedderWithTheFilesVectors(string fileName, bool binary)
    {
        using var host = new ImportHost();
        var path = WordVectorFixtures.TempPath(fileName);
        if (binary) WordVectorFixtures.WriteWord2VecBinary(path, WordVectorFixtures.Toy, gzip: true);
        else if (fileName.EndsWith(".vec", StringComparison.Ordinal)) WordVectorFixtures.WriteWord2VecText(path, WordVectorFixtures.Toy);
        else WordVectorFixtures.WriteGloveText(path, WordVectorFixtures.Toy);

        var manifest = await host.Catalog.ImportAsync(new ModelImportRequest { Path = path, DisplayName = "Team vectors", TaskSpecific = true, Source = "our word2vec", License = "internal" });

        Assert.Equal(ImportedFormat.WordVectors, manifest.Format);
        Assert.Equal(WordVectorFixtures.Toy.Length, manifest.Words);
        var info = host.Registry.Installed.Single(e => e.Id == manifest.Id);
        Assert.Equal(EmbedderKind.StaticWordVectors, info.Kind);
        Assert.False(info.IsGeneral);
        Assert.Equal("internal", info.License);
        var (word, vector) = WordVectorFixtures.Toy[0];
        var embedded = await host.Registry.Get(manifest.Id).EmbedAsync([word], EmbedOptions.Default with { Normalize = false });
        Assert.Equal(vector, embedded.Data);
    }

    [Fact]
    public async Task ImportAsync_VectorLineOfWrongLength_RefusedWithLineAndNothingKept()
    {
        using var host = new ImportHost();
        var path = WordVectorFixtures.TempPath("bad.txt");
        WordVectorFixtures.WriteText(path, "good 1 2 3\nbad 1 2\n");

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => host.Catalog.ImportAsync(new ModelImportRequest { Path = path, DisplayName = "Bad vectors" }));

        Assert.Contains("line 2", ex.Message);
        Assert.Empty(host.ImportedEntries());
        Assert.DoesNotContain(host.Registry.Installed, e => e.Origin == EmbedderOrigin.Imported);
    }

    [Fact]
    public async Task ImportAsync_EncoderOptionsForVectors_Refused()
    {
        using var host = new ImportHost();
        var path = WordVectorFixtures.TempPath("v.txt");
        WordVectorFixtures.WriteGloveText(path, WordVectorFixtures.Toy);

        var ex = await Assert.ThrowsAsync<ModelImportException>(() => host.Catalog.ImportAsync(new ModelImportRequest { Path = path, DisplayName = "V", Pooling = Pooling.Cls }));

        Assert.Contains("apply to encoders", ex.Message);
    }
}
