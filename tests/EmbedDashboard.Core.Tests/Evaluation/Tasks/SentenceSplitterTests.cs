using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_EndPunctuation_SentencesWithOffsets()
    {
        const string text = "Paris is big.  Is Rome old? Yes!";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal([new SentenceSpan(0, "Paris is big."), new SentenceSpan(15, "Is Rome old?"), new SentenceSpan(28, "Yes!")], sentences);
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Text.Length)));
    }

    [Fact]
    public void Split_AbbreviationsInitialsAndDecimals_NotBoundaries()
    {
        var sentences = SentenceSplitter.Split("Dr. Smith paid 3.5 dollars, e.g. less than J. R. Tolkien did. Then he left.");

        Assert.Equal(["Dr. Smith paid 3.5 dollars, e.g. less than J. R. Tolkien did.", "Then he left."], sentences.Select(s => s.Text));
    }

    [Fact]
    public void Split_ClosingQuote_StaysWithItsSentence()
    {
        Assert.Equal(["He said \"Go.\"", "Then he left."], SentenceSplitter.Split("He said \"Go.\" Then he left.").Select(s => s.Text));
    }

    [Fact]
    public void Split_BlankLine_IsABoundary()
    {
        Assert.Equal(["Title", "Body text here."], SentenceSplitter.Split("Title\n\n  Body text here.").Select(s => s.Text));
    }

    [Fact]
    public void Split_LowerCaseAfterPeriod_NotABoundary()
    {
        Assert.Single(SentenceSplitter.Split("Use the os. module for that."));
    }
}
