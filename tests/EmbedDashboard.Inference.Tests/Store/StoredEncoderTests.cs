using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Store;

namespace EmbedDashboard.Inference.Tests.Store;

/// <summary>The real MiniLM behind an <see cref="EmbeddingCache"/> with an on-disk store, as the app wires it.</summary>
[Collection(InstalledModelsCollection.Name)]
public sealed class StoredEncoderTests(InstalledModelsFixture models) : IDisposable
{
    private static readonly string[] Texts = ["The cat sat on the mat.", "A stock market rally lifted shares.", "Rain is expected tomorrow.", "Tea or coffee?"];
    private readonly string _folder = Directory.CreateTempSubdirectory("embeddash-stored-").FullName;

    // A model SHA-256 makes the keys persistent (the store keys on the model file, not its id).
    private OnnxSentenceEncoder Encoder(EmbeddingCache cache, EncoderProfile? profile = null) =>
        new(Path.Combine(models.MiniLmFolder, "model.onnx"), Path.Combine(models.MiniLmFolder, "vocab.txt"),
            models.MiniLm.Info with { ModelFileSha256 = "stored-encoder-test", Profile = profile }, 2, cache);

    private EmbeddingCache Cache() => new(EmbeddingCache.DefaultMaxBytes, EmbeddingStore.Open(_folder, 1 << 24));

    [Fact]
    public async Task EmbedAsync_AfterRestart_AllFromStoreAndSameVectorsAsFreshEmbed()
    {
        float[] first;
        using (var cache = Cache())
        using (var encoder = Encoder(cache))
        {
            first = (await encoder.EmbedAsync(Texts, EmbedOptions.Default)).Data;
        }

        // "Restart": a new cache (empty memory tier) over the same folder.
        using var restarted = Cache();
        using var again = Encoder(restarted);
        var second = await again.EmbedAsync(Texts, EmbedOptions.Default);
        var fresh = await Encoder(EmbeddingCache.Disabled()).EmbedAsync(Texts, EmbedOptions.Default);

        Assert.Equal(Texts.Length, second.Stats.CacheHits);
        Assert.Equal(0, second.Stats.Batches); // nothing ran through the model
        Assert.Equal(first, second.Data);
        Assert.Equal(fresh.Data, second.Data);
    }

    [Fact]
    public async Task EmbedAsync_OtherPoolingOrPrefix_NotServedFromStore()
    {
        using (var cache = Cache())
        using (var encoder = Encoder(cache, new EncoderProfile(QueryPrefix: "query: ")))
        {
            await encoder.EmbedAsync(Texts, EmbedOptions.Default);
        }

        using var restarted = Cache();
        using var again = Encoder(restarted, new EncoderProfile(QueryPrefix: "query: "));
        var otherPooling = await again.EmbedAsync(Texts, EmbedOptions.Default with { Pooling = Pooling.Cls });
        var withPrefix = await again.EmbedAsync(Texts, EmbedOptions.Default with { Role = TextRole.Query });
        var other = await again.EmbedAsync(Texts, EmbedOptions.Default with { MaxTokens = 64 });
        var same = await again.EmbedAsync(Texts, EmbedOptions.Default);

        Assert.Equal(0, otherPooling.Stats.CacheHits);
        Assert.Equal(0, withPrefix.Stats.CacheHits);
        Assert.Equal(0, other.Stats.CacheHits);
        Assert.Equal(Texts.Length, same.Stats.CacheHits);
    }

    [Fact]
    public async Task EmbedAsync_NoModelSha_NothingWrittenToStore()
    {
        // Without the file's SHA-256 the key would name only an id, which another model could reuse: memory only.
        using var cache = Cache();
        using var encoder = new OnnxSentenceEncoder(Path.Combine(models.MiniLmFolder, "model.onnx"), Path.Combine(models.MiniLmFolder, "vocab.txt"),
            models.MiniLm.Info with { ModelFileSha256 = "" }, 2, cache);

        await encoder.EmbedAsync(Texts, EmbedOptions.Default);

        Assert.Equal(0, cache.Store!.Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
