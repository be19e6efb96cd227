using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Inference.Tests.Engine;

[Collection(InstalledModelsCollection.Name)]
public sealed class EmbedderRegistryTests(InstalledModelsFixture models)
{
    private static EmbedderRegistry Registry(string directory, int threads = 1) =>
        new(Options.Create(new ModelsOptions { Directory = directory, IntraOpThreads = threads }), NullLogger<EmbedderRegistry>.Instance);

    [Fact]
    public void Constructor_EmptyModelsFolder_LoadErrorsNameFullPathsAndNothingInstalled()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;

        using var registry = Registry(empty);

        Assert.Empty(registry.Installed);
        Assert.Contains(registry.LoadErrors, e => e.Contains(Path.Combine(empty, ModelLayout.MiniLmId, "model.onnx")));
        Assert.Contains(registry.LoadErrors, e => e.Contains(Path.Combine(empty, ModelLayout.GloveId, "vectors.edvec")));
        Assert.Contains(registry.LoadErrors, e => e.Contains(Path.Combine(empty, ModelLayout.ArcticId, "model.onnx")));
        var ex = Assert.Throws<UnknownEmbedderException>(() => registry.Get(ModelLayout.MiniLmId));
        Assert.Equal(ModelLayout.MiniLmId, ex.EmbedderId);
    }

    [Fact]
    public void Installed_ModelAppearsAfterStart_FoundWithoutRestart()
    {
        var models = Directory.CreateTempSubdirectory().FullName;
        using var registry = Registry(models);
        Assert.Empty(registry.Installed);

        Directory.CreateDirectory(ModelLayout.GloveDirectory(models));
        new Inference.Static.WordVectors(["a"], [1f, 0f], 2).Save(ModelLayout.GloveFile(models));

        Assert.Equal([ModelLayout.GloveId], registry.Installed.Select(i => i.Id));
        Assert.DoesNotContain(registry.LoadErrors, e => e.Contains(ModelLayout.GloveId));
    }

    [Fact]
    public void Get_CorruptModelFile_RecordedAsLoadErrorWithPath()
    {
        var models = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(ModelLayout.GloveDirectory(models));
        File.WriteAllText(ModelLayout.GloveFile(models), "not vectors");
        using var registry = Registry(models);

        Assert.Throws<InvalidOperationException>(() => registry.Get(ModelLayout.GloveId));

        Assert.Contains(registry.LoadErrors, e => e.Contains(ModelLayout.GloveFile(models)) && e.Contains("bad magic"));
    }

    [Fact]
    public void Installed_RealModels_AllThreeGeneralWithShaFromModelMd()
    {
        using var registry = Registry(models.Models);

        var installed = registry.Installed.ToDictionary(i => i.Id);

        Assert.Equal(384, installed[ModelLayout.MiniLmId].Dimension);
        Assert.Equal(100, installed[ModelLayout.GloveId].Dimension);
        var arctic = installed[ModelLayout.ArcticId];
        Assert.Equal(("snowflake-arctic-embed-xs", EmbedderKind.SentenceEncoder, 384), (arctic.DisplayName, arctic.Kind, arctic.Dimension));
        Assert.Equal(Pooling.Cls, arctic.Profile?.Pooling);
        Assert.Equal(Inference.Assets.AssetManifest.Arctic.Resources[0].Sha256, arctic.ModelFileSha256);
        Assert.All(installed.Values, i => Assert.True(i.IsGeneral && i.Origin == EmbedderOrigin.BuiltIn));
        Assert.Matches("^[0-9a-f]{64}$", installed[ModelLayout.MiniLmId].ModelFileSha256);
        Assert.Contains(installed[ModelLayout.MiniLmId].ModelFileSha256, File.ReadAllText(Path.Combine(models.MiniLmFolder, "MODEL.md")));
        Assert.IsType<OnnxSentenceEncoder>(registry.Get(ModelLayout.MiniLmId));
        Assert.Same(registry.Get(ModelLayout.MiniLmId), registry.GetWordLevel(ModelLayout.MiniLmId));
    }

    [Fact]
    public void Register_TrainedEmbedder_ListedAfterGeneralOnesAndRemovable()
    {
        using var registry = Registry(Directory.CreateTempSubdirectory().FullName);
        var trained = new Inference.Static.StaticWordEmbedder(new Inference.Static.WordVectors(["a"], [1f], 1),
            new EmbedderInfo("imdb-layer", "IMDB layer", EmbedderKind.TrainedEmbeddingLayer, 1, 0, "", "trained here", ""));

        registry.Register(trained);

        Assert.Same(trained, registry.Get("imdb-layer"));
        Assert.True(registry.Unregister("imdb-layer"));
        Assert.Throws<UnknownEmbedderException>(() => registry.Get("imdb-layer"));
    }
}
