using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace EmbedDashboard.Inference.Tests.Engine;

/// <summary>arctic-embed-xs as the registry builds it (its profile: CLS pooling, normalised, query instruction).</summary>
[Collection(InstalledModelsCollection.Name)]
public sealed class ArcticEncoderTests(InstalledModelsFixture models, ITestOutputHelper output) : IDisposable
{
    private readonly EmbedderRegistry _registry = new(
        Options.Create(new ModelsOptions { Directory = models.Models, IntraOpThreads = 2 }), NullLogger<EmbedderRegistry>.Instance);

    private OnnxSentenceEncoder? _arctic;

    /// <summary>The registry's description of it, without a cache: a query must really be embedded with its prefix, not found cached.</summary>
    private OnnxSentenceEncoder Arctic => _arctic ??= new OnnxSentenceEncoder(ModelLayout.ArcticModel(models.Models), ModelLayout.ArcticVocab(models.Models),
        _registry.Installed.Single(i => i.Id == ModelLayout.ArcticId), 2, EmbeddingCache.Disabled());

    [Fact]
    public async Task EmbedAsync_GuitarParaphrase_CloserThanStockMarket()
    {
        var batch = await Arctic.EmbedAsync(
            ["A man is playing a guitar.", "Someone is strumming a guitar.", "The stock market fell sharply today."], EmbedOptions.Default);

        var paraphrase = TensorPrimitives.CosineSimilarity(batch.Row(0), batch.Row(1));
        var unrelated = TensorPrimitives.CosineSimilarity(batch.Row(0), batch.Row(2));
        output.WriteLine($"guitar/guitar {paraphrase:0.000}, guitar/stocks {unrelated:0.000}");
        Assert.Equal(Pooling.Cls, EmbedOptions.Default.PoolingFor(Arctic.Info.Profile));
        Assert.True(paraphrase > unrelated + 0.1f, $"guitar/guitar {paraphrase:0.000} vs guitar/stocks {unrelated:0.000}");
        Assert.Equal(1f, TensorPrimitives.Norm(batch.Row(0)), 1e-4f);
    }

    [Fact]
    public async Task EmbedAsync_QueryRole_EqualsPrefixedText()
    {
        const string query = "how do I tune a guitar";
        var prefix = Arctic.Info.Profile!.QueryPrefix;

        var asQuery = await Arctic.EmbedAsync([query], EmbedOptions.Default with { Role = TextRole.Query });
        var prefixed = await Arctic.EmbedAsync([prefix + query], EmbedOptions.Default);
        var asPassage = await Arctic.EmbedAsync([query], EmbedOptions.Default with { Role = TextRole.Passage });
        var plain = await Arctic.EmbedAsync([query], EmbedOptions.Default);

        Assert.StartsWith("Represent this sentence", prefix);
        Assert.Equal(prefixed.Row(0).ToArray(), asQuery.Row(0).ToArray());
        Assert.Equal(plain.Row(0).ToArray(), asPassage.Row(0).ToArray()); // no passage prefix
        Assert.NotEqual(plain.Row(0).ToArray(), asQuery.Row(0).ToArray());
    }

    public void Dispose()
    {
        _arctic?.Dispose();
        _registry.Dispose();
    }
}
