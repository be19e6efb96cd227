using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Training.Tests.FineTuning;

/// <summary>The trainer's word → token layout is the engine's (EmbedWordsAsync), including the edge cases.</summary>
public sealed class TokenClassificationTokenizationTests
{
    private static readonly string[] Sentence = ["Hello", "tokenization", "world", "\u0001", "!"];

    [Theory]
    [InlineData(64, new[] { 1, 2, 4, 5, 6 })] // "tokenization" is two pieces; the control character becomes [UNK]
    [InlineData(4, new[] { 1, -1, 2, -1, -1 })] // "tokenization" does not fit, the shorter "world" after it still does
    [InlineData(3, new[] { 1, -1, -1, -1, -1 })] // [CLS] hello [SEP]
    public void Words_SampleSentence_FirstTokensAsEngine(int maxTokens, int[] expected)
    {
        var tokenizer = new FineTuneTokenizer(FineTuneFixtures.VocabPath);
        using var exported = new TokenClassificationFixtures.ExportedModel(BertWeights.Random(FineTuneFixtures.TinyConfig, 1));

        var trainer = tokenizer.Words(Sentence, maxTokens);
        var engine = exported.Encoder.TokenizeWords(Sentence, maxTokens);

        Assert.Equal(expected, trainer.FirstToken);
        Assert.Equal(engine.FirstToken, trainer.FirstToken);
        Assert.Equal(engine.Ids, trainer.Ids);
        Assert.Equal(tokenizer.ClsId, trainer.Ids[0]);
        Assert.Equal(tokenizer.SepId, trainer.Ids[^1]);
        Assert.True(trainer.Ids.Length <= maxTokens);
    }

    [Fact]
    public void KeptTargets_TruncatedWords_Skipped()
    {
        var tokenizer = new FineTuneTokenizer(FineTuneFixtures.VocabPath);
        var layout = tokenizer.Words(Sentence, 4);

        var targets = TokenClassificationFineTuner.KeptTargets([layout], [[10, 11, 12, 13, 14]]);

        Assert.Equal([10L, 12L], targets);
    }
}
