using EmbedDashboard.Core.Text;

namespace EmbedDashboard.Core.Tests.Text;

public sealed class WordTokenizerTests
{
    [Theory]
    [InlineData("Hello, World!", new[] { "hello", "world" })]
    [InlineData("I don't like O'Brien's film", new[] { "i", "don't", "like", "o'brien's", "film" })]
    [InlineData("It\u2019s 'quoted' here", new[] { "it's", "quoted", "here" })]
    [InlineData("rock'n'roll in 1984", new[] { "rock'n'roll", "in", "1984" })]
    [InlineData("Café über-cool", new[] { "café", "über", "cool" })]
    [InlineData("'' -- ...", new string[0])]
    public void Tokenize_Text_LowercaseWordsWithInnerApostrophes(string text, string[] expected)
    {
        Assert.Equal(expected, WordTokenizer.Tokenize(text));
    }
}
