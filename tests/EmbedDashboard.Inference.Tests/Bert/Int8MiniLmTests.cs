using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;

namespace EmbedDashboard.Inference.Tests.Bert;

/// <summary>all-MiniLM-L6-v2 · int8 as set-up installs it, against fp32 MiniLM.</summary>
[Collection(InstalledModelsCollection.Name)]
public sealed class Int8MiniLmTests(InstalledModelsFixture models)
{
    [Fact]
    public async Task EmbedAsync_RealSentences_Int8CosineToFp32AtLeast099()
    {
        // 300 real sentences: the first sentence of each pair in SemEval STS 2015 headlines (../shared/datasets).
        var shared = AppPaths.SharedDatasets() ?? throw new InvalidOperationException("../shared/datasets is missing (see its README).");
        var file = Path.Combine(shared, "sts", "sts2015-headlines.test.tsv");
        await using var stream = File.OpenRead(file);
        var sentences = ScoredPairImporter.ImportSts(stream, file).Items.Take(300).Select(p => p.A).ToList();
        using var int8 = new OnnxSentenceEncoder(ModelLayout.MiniLmInt8Model(models.Models), ModelLayout.MiniLmInt8Vocab(models.Models),
            models.MiniLm.Info with { Id = ModelLayout.MiniLmInt8Id }, 2, EmbeddingCache.Disabled());
        using var fp32 = new OnnxSentenceEncoder(ModelLayout.MiniLmModel(models.Models), ModelLayout.MiniLmVocab(models.Models),
            models.MiniLm.Info with { Id = "fp32-for-int8-test" }, 2, EmbeddingCache.Disabled());

        var a = await fp32.EmbedAsync(sentences, EmbedOptions.Default);
        var b = await int8.EmbedAsync(sentences, EmbedOptions.Default);

        var cosines = Enumerable.Range(0, sentences.Count).Select(i => TensorPrimitives.CosineSimilarity(a.Row(i), b.Row(i))).ToList();
        Assert.True(cosines.Min() >= 0.99f, $"lowest cosine {cosines.Min():0.0000} (mean {cosines.Average():0.0000}) for \"{sentences[cosines.IndexOf(cosines.Min())]}\"");
        Assert.True(cosines.Average() < 0.99999f, "int8 vectors identical to fp32: the int8 model is not quantized");
    }

    [Fact]
    public void Installed_Int8_RegisteredWithBaseAndOwnSha()
    {
        using var registry = new EmbedderRegistry(Microsoft.Extensions.Options.Options.Create(new ModelsOptions { Directory = models.Models }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbedderRegistry>.Instance);

        var int8 = registry.Installed.Single(i => i.Id == ModelLayout.MiniLmInt8Id);
        var fp32 = registry.Installed.Single(i => i.Id == ModelLayout.MiniLmId);

        Assert.Equal("all-MiniLM-L6-v2 · int8", int8.DisplayName);
        Assert.Equal(ModelLayout.MiniLmId, int8.BaseEmbedderId);
        Assert.NotEqual(fp32.ModelFileSha256, int8.ModelFileSha256); // so the store never mixes their vectors
        // The linear layers (42 MB in fp32) shrink 4×; the 47 MB word-embedding table stays fp32: about 62 MB instead of 90.
        Assert.True(int8.ModelFileBytes < fp32.ModelFileBytes * 3 / 4, $"int8 {int8.ModelFileBytes} bytes vs fp32 {fp32.ModelFileBytes}");
    }
}
