using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;

namespace EmbedDashboard.Inference.Tests.Engine;

/// <summary>In-context word vectors from the real MiniLM: exactly its first-sub-token states, and context changes them.</summary>
[Collection(InstalledModelsCollection.Name)]
public sealed class InContextMiniLmTests(InstalledModelsFixture models)
{
    private static readonly EmbedOptions Raw = new() { Normalize = false, MaxTokens = 64 };

    [Fact]
    public async Task EmbedAsync_MiniLmTwoSenses_MeanOfWordStatesAndSensesDiffer()
    {
        string[] money = ["I", "paid", "the", "money", "into", "the", "bank"];
        string[] river = ["We", "sat", "on", "the", "river", "bank"];
        var both = new InContextWordEmbedder(models.MiniLm, new ContextIndex([string.Join(' ', money), string.Join(' ', river)], 10), new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "t" });
        var moneyOnly = new InContextWordEmbedder(models.MiniLm, new ContextIndex([string.Join(' ', money)], 10), new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "t" });
        var riverOnly = new InContextWordEmbedder(models.MiniLm, new ContextIndex([string.Join(' ', river)], 10), new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "t" });

        var words = await models.MiniLm.EmbedWordsAsync([money, river], Raw);
        var mean = await both.EmbedAsync(["bank"], Raw);
        var inMoney = (await moneyOnly.EmbedAsync(["bank"], Raw)).Row(0).ToArray();
        var inRiver = (await riverOnly.EmbedAsync(["bank"], Raw)).Row(0).ToArray();

        // "bank" is word 6 of the first sentence and word 5 of the second (rows 6 and 7 + 5).
        var expected = new float[384];
        TensorPrimitives.Add(words.Row(6), words.Row(money.Length + 5), expected);
        TensorPrimitives.Divide(expected, 2, expected);
        var actual = mean.Row(0).ToArray();
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-4f);
        Assert.True(TensorPrimitives.CosineSimilarity(inMoney, inRiver) < 0.99f, "the two contexts gave the same vector for 'bank'");
    }
}
