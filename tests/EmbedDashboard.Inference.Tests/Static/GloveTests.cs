using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;

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
        Assert.Equal(341_479, models.Glove.Vectors.Count); // count in the wink package's JSON "size" field
        Assert.Equal("the", models.Glove.Vectors.Words[0]);
        Assert.Equal(100, models.Glove.Vectors.Dimension);
    }
}
