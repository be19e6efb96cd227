using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Tests;

/// <summary>The real models, installed by the same set-up as the app (a no-op when already done).</summary>
public sealed class InstalledModelsFixture : IAsyncLifetime, IDisposable
{
    private OnnxSentenceEncoder? _minilm;
    private StaticWordEmbedder? _glove;

    public string Models { get; } = Path.Combine(AppPaths.Root(), "models");

    public string MiniLmFolder => ModelLayout.MiniLmDirectory(Models);

    public OnnxSentenceEncoder MiniLm => _minilm ??= new OnnxSentenceEncoder(
        Path.Combine(MiniLmFolder, "model.onnx"), Path.Combine(MiniLmFolder, "vocab.txt"),
        new EmbedderInfo(ModelLayout.MiniLmId, "all-MiniLM-L6-v2", EmbedderKind.SentenceEncoder, 384, 0, "", "test", ""), 2, new EmbeddingCache());

    public StaticWordEmbedder Glove => _glove ??= new StaticWordEmbedder(WordVectors.Load(ModelLayout.GloveFile(Models)),
        new EmbedderInfo(ModelLayout.GloveId, "GloVe", EmbedderKind.StaticWordVectors, 100, 0, "", "test", ""));

    public Task InitializeAsync() => AssetSetup.EnsureAsync(AppPaths.Root());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _minilm?.Dispose();
}

[CollectionDefinition(Name)]
public sealed class InstalledModelsCollection : ICollectionFixture<InstalledModelsFixture>
{
    public const string Name = "installed models";
}
