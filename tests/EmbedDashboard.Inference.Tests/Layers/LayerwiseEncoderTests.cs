using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Inference.Tests.Layers;

[Collection(InstalledModelsCollection.Name)]
public sealed class LayerwiseEncoderTests(InstalledModelsFixture models)
{
    private static readonly string[] Texts =
    [
        "A man is playing a guitar.",
        "The movie was a complete waste of two hours, dull and badly acted.",
        "Quarterly revenue rose 4% on strong demand for cloud services, the company said on Tuesday.",
        "ok",
    ];

    [Theory]
    [InlineData(Pooling.Mean, true)]
    [InlineData(Pooling.Cls, false)]
    public async Task EmbedLayersAsync_MiniLm_LastLayerEqualsOrdinaryEmbedding(Pooling pooling, bool normalize)
    {
        using var layered = models.MiniLm.WithAllLayers();
        var options = new EmbedOptions { Pooling = pooling, Normalize = normalize, BatchSize = 3 };

        var layers = await layered.EmbedLayersAsync(Texts, options);
        var ordinary = await models.MiniLm.EmbedAsync(Texts, options);

        Assert.Equal(7, layers.Count); // embedding layer + 6 transformer layers
        var last = layers[^1];
        for (var i = 0; i < ordinary.Data.Length; i++)
        {
            Assert.True(Math.Abs(ordinary.Data[i] - last.Data[i]) <= 1e-6, $"element {i}: {ordinary.Data[i]} vs {last.Data[i]}");
        }

        // Layer 0 is a different representation (no contextualisation), so equality above is not trivial.
        Assert.True(ordinary.Data.Zip(layers[0].Data).Max(p => Math.Abs(p.First - p.Second)) > 0.01);
    }

    [Fact]
    public async Task EmbedWordLayersAsync_MiniLm_LastLayerEqualsOrdinaryWordVectors()
    {
        using var layered = models.MiniLm.WithAllLayers();
        IReadOnlyList<IReadOnlyList<string>> sentences = [["Barack", "Obama", "visited", "Paris"], ["EmbedDashboard", "compares", "embeddings", "."]];
        var options = new EmbedOptions { MaxTokens = 6 }; // cuts the second sentence: the Missing words must agree too

        var layers = await layered.EmbedWordLayersAsync(sentences, options);
        var ordinary = await models.MiniLm.EmbedWordsAsync(sentences, options);

        Assert.Equal(7, layers.Count);
        Assert.Equal(ordinary.Missing, layers[^1].Missing);
        Assert.Contains(true, ordinary.Missing);
        for (var i = 0; i < ordinary.Data.Length; i++)
        {
            Assert.True(Math.Abs(ordinary.Data[i] - layers[^1].Data[i]) <= 1e-6, $"element {i}: {ordinary.Data[i]} vs {layers[^1].Data[i]}");
        }
    }

    [Fact]
    public async Task EmbedLayersAsync_OrdinaryModel_RefusedWithHint()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => models.MiniLm.EmbedLayersAsync(Texts, EmbedOptions.Default));

        Assert.Contains("WithAllLayers", ex.Message);
    }
}
