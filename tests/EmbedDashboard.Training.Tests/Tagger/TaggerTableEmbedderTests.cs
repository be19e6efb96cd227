using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Training.Tagger;

namespace EmbedDashboard.Training.Tests.Tagger;

public sealed class TaggerTableEmbedderTests
{
    private const int Dim = 16;

    private static TaggerTableEmbedder RandomTable(bool lowerCase = false, int buckets = 5000)
    {
        var vocabulary = new TaggerVocabulary(["John", "Paris", "met"], buckets, lowerCase);
        var random = new Random(7);
        var table = Enumerable.Range(0, vocabulary.Rows * Dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return new TaggerTableEmbedder(vocabulary, table, Info());
    }

    internal static EmbedderInfo Info(int dim = Dim) => new("tagger", "tagger", EmbedderKind.TrainedEmbeddingLayer, dim, 0, "", "", "");

    [Fact]
    public async Task EmbedWordsAsync_UnseenWordsSharingNgrams_CloserThanUnrelated()
    {
        var embedder = RandomTable();

        var batch = await embedder.EmbedWordsAsync([["Londoner", "Londoners", "Xyzzq"]], EmbedOptions.Default with { Normalize = false });

        Assert.All(batch.Missing, m => Assert.False(m));
        Assert.True(TensorPrimitives.Norm(batch.Row(0)) > 0.1f, "an unseen word must get a vector from its n-grams");
        var shared = TensorPrimitives.CosineSimilarity(batch.Row(0), batch.Row(1));
        var unrelated = TensorPrimitives.CosineSimilarity(batch.Row(0), batch.Row(2));
        Assert.True(shared > unrelated + 0.3f, $"cosine with shared n-grams {shared:0.00}, unrelated {unrelated:0.00}");
        Assert.Equal(3, batch.Stats.UnknownTokens);
    }

    [Fact]
    public async Task EmbedWordsAsync_RowCount_IsTotalWords()
    {
        var embedder = RandomTable();
        IReadOnlyList<string>[] sentences = [["John", "met", "Mary", "."], [], ["Paris"]];

        var batch = await embedder.EmbedWordsAsync(sentences, EmbedOptions.Default);

        Assert.Equal(5, batch.Count);
        Assert.Equal(5, batch.Stats.Tokens);
        Assert.Equal(2, batch.Stats.UnknownTokens); // "Mary" and "."
        Assert.Equal(0, batch.MissingCount);        // even "." has its n-gram "<.>"
    }

    [Fact]
    public async Task EmbedWordsAsync_EmptyWordOrNoSubwords_Missing()
    {
        var withSubwords = await RandomTable().EmbedWordsAsync([["", "a"]], EmbedOptions.Default);
        var wordsOnly = await RandomTable(buckets: 0).EmbedWordsAsync([["John", "Mary"]], EmbedOptions.Default);

        Assert.Equal([true, false], withSubwords.Missing);
        Assert.Equal([false, true], wordsOnly.Missing);
    }

    [Fact]
    public async Task EmbedWordsAsync_LowerCaseOption_DecidesWhetherCaseMatters()
    {
        var sensitive = await RandomTable(lowerCase: false).EmbedWordsAsync([["John", "JOHN"]], EmbedOptions.Default);
        var folded = await new TaggerTableEmbedder(new TaggerVocabulary(["john"], 5000, lowerCase: true), new float[5001 * Dim].Select((_, i) => MathF.Sin(i)).ToArray(), Info())
            .EmbedWordsAsync([["John", "JOHN"]], EmbedOptions.Default);

        Assert.NotEqual(sensitive.Row(0).ToArray(), sensitive.Row(1).ToArray());
        Assert.Equal(folded.Row(0).ToArray(), folded.Row(1).ToArray());
        Assert.Equal(0, folded.Stats.UnknownTokens);
    }

    [Fact]
    public async Task EmbedAsync_Text_IsMeanOfItsWordVectors()
    {
        var embedder = RandomTable();
        var plain = EmbedOptions.Default with { Normalize = false };

        var text = await embedder.EmbedAsync(["John met him, in Paris!", "?!"], plain);
        var words = await embedder.EmbedWordsAsync([["John", "met", "him", "in", "Paris"]], plain);

        var mean = new float[Dim];
        for (var i = 0; i < 5; i++) TensorPrimitives.Add(mean, words.Row(i), mean);
        TensorPrimitives.Multiply(mean, 0.2f, mean);
        for (var k = 0; k < Dim; k++) Assert.Equal(mean[k], text.Row(0)[k], 1e-5f);
        Assert.Equal([false, true], text.Missing); // punctuation only: no words
    }

    [Fact]
    public void Tokenize_KeepsCaseAndInnerApostrophes()
    {
        Assert.Equal(["O'Brien", "met", "John", "in", "Paris"], TaggerTableEmbedder.Tokenize("O’Brien met John, in Paris."));
    }
}
