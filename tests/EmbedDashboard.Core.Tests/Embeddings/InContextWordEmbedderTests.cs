using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;

namespace EmbedDashboard.Core.Tests.Embeddings;

public sealed class InContextWordEmbedderTests
{
    private static readonly EmbedOptions Raw = new() { Normalize = false };

    private static InContextWordEmbedder Make(RecordingWordEmbedder inner, IReadOnlyList<string> texts, int maxOccurrences = 20, int window = 24, int maxTexts = 1000) =>
        new(inner, new ContextIndex(texts, maxTexts), new WordContextOptions { Mode = WordVectorMode.InContext, Dataset = "d", MaxOccurrences = maxOccurrences, WindowWords = window });

    [Fact]
    public async Task EmbedAsync_TwoOccurrences_ExactMeanOfTheirVectors()
    {
        var inner = new RecordingWordEmbedder();
        // "cat" stands at position 1 of a 3-word text and at position 4 of a 5-word text.
        var embedder = Make(inner, ["a cat sat", "the dog and a cat"]);

        var batch = await embedder.EmbedAsync(["cat"], Raw);

        Assert.False(batch.Missing[0]);
        Assert.Equal([3f, (1 + 4) / 2f, (3 + 5) / 2f], batch.Row(0).ToArray());
        Assert.Single(inner.Calls);
        Assert.Equal(new InContextCoverage(1, 1, 2, 2), embedder.Coverage);
    }

    [Fact]
    public async Task EmbedAsync_WordNeverInTexts_MissingAndNotCovered()
    {
        var embedder = Make(new RecordingWordEmbedder(), ["a cat sat"]);

        var batch = await embedder.EmbedAsync(["cat", "zebra"], Raw);

        Assert.Equal([false, true], batch.Missing);
        Assert.Equal(new InContextCoverage(2, 1, 1, 1), embedder.Coverage);
    }

    [Fact]
    public async Task EmbedAsync_CaseAndWordBoundaries_MatchesWholeWordsIgnoringCase()
    {
        var inner = new RecordingWordEmbedder();
        // "Cat," and "CAT" are the word; "concatenate" and "cats" are not.
        var embedder = Make(inner, ["concatenate cats", "Cat, he said", "x y CAT"]);

        var batch = await embedder.EmbedAsync(["cat"], Raw);

        Assert.Equal(2, embedder.Coverage.Occurrences);
        Assert.Equal([["Cat", "he", "said"], ["x", "y", "CAT"]], inner.Calls.Single().Select(s => s.ToArray()).ToArray());
        Assert.Equal([3f, (0 + 2) / 2f, 3f], batch.Row(0).ToArray());
    }

    [Fact]
    public async Task EmbedAsync_MoreOccurrencesThanCap_FirstOnesInTextOrder()
    {
        var inner = new RecordingWordEmbedder();
        var texts = Enumerable.Range(0, 10).Select(i => string.Join(' ', Enumerable.Repeat("w", i)) + " cat").ToList();
        var embedder = Make(inner, texts, maxOccurrences: 3);

        var first = await embedder.EmbedAsync(["cat"], Raw);
        var second = await embedder.EmbedAsync(["cat"], Raw);

        // Texts 0, 1, 2: "cat" at positions 0, 1, 2 of 1, 2, 3 words.
        Assert.Equal([3f, 1f, 2f], first.Row(0).ToArray());
        Assert.Equal(first.Row(0).ToArray(), second.Row(0).ToArray());
        Assert.Equal(3, inner.Calls[0].Count);
    }

    [Fact]
    public async Task EmbedAsync_LongText_WindowAroundOccurrence()
    {
        var inner = new RecordingWordEmbedder();
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i)) + " cat " + string.Join(' ', Enumerable.Range(0, 100).Select(i => "v" + i));
        var embedder = Make(inner, [text], window: 2);

        var batch = await embedder.EmbedAsync(["cat"], Raw);

        Assert.Equal(["w98", "w99", "cat", "v0", "v1"], inner.Calls.Single().Single());
        Assert.Equal([3f, 2f, 5f], batch.Row(0).ToArray());
    }

    [Fact]
    public async Task EmbedAsync_MultiWordEntry_OnlyContiguousOccurrencesAveraged()
    {
        var inner = new RecordingWordEmbedder();
        // "new york" is contiguous only in the second text.
        var embedder = Make(inner, ["new cars in york", "I love New York"]);

        var batch = await embedder.EmbedAsync(["New York", "old york"], Raw);

        Assert.Equal([false, true], batch.Missing);
        // Mean of "New" (3, 2, 4) and "York" (4, 3, 4).
        Assert.Equal([3.5f, 2.5f, 4f], batch.Row(0).ToArray());
    }

    [Fact]
    public async Task EmbedAsync_OccurrencePastTokenLimit_SkippedAndAloneThatMakesMissing()
    {
        var embedder = Make(new RecordingWordEmbedder(maxWords: 2), ["a b c cat", "cat"]);

        var batch = await embedder.EmbedAsync(["cat", "c"], Raw);

        // "cat" keeps only the occurrence in the second text; "c" stands at position 2, past the limit.
        Assert.Equal([3f, 0f, 1f], batch.Row(0).ToArray());
        Assert.Equal([false, true], batch.Missing);
    }

    [Fact]
    public async Task EmbedAsync_NormalizeOption_UnitLengthAfterMean()
    {
        var embedder = Make(new RecordingWordEmbedder(), ["a cat sat"]);

        var batch = await embedder.EmbedAsync(["cat"], new EmbedOptions { Normalize = true });

        // (3, 1, 3) / √19.
        var norm = MathF.Sqrt(19);
        Assert.Equal([3 / norm, 1 / norm, 3 / norm], batch.Row(0).ToArray());
    }

    [Fact]
    public async Task EmbedAsync_CancelledToken_Throws()
    {
        var embedder = Make(new RecordingWordEmbedder(), ["a cat sat"]);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedder.EmbedAsync(["cat"], Raw, cancellationToken: cts.Token));
    }

    [Fact]
    public void ContextIndex_MaxTexts_LaterTextsNotIndexed()
    {
        var index = new ContextIndex(["a b", "cat"], maxTexts: 1);

        Assert.False(index.Contains("cat"));
        Assert.True(index.Contains("B"));
    }

    [Fact]
    public void Validate_InContextWithoutDataset_SaysContextDatasetNeeded()
    {
        var problems = new WordContextOptions { Mode = WordVectorMode.InContext, MaxOccurrences = 0 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("In-context word vectors need a context dataset", StringComparison.Ordinal));
        Assert.Contains("Occurrences per word must be between 1 and 1,000 (got 0).", problems);
    }

    [Fact]
    public void NotApplicable_StaticVectors_SaysOneVectorPerWord()
    {
        var glove = new EmbedderInfo("glove", "GloVe", EmbedderKind.StaticWordVectors, 100, 1, "s", "t", "l");
        var encoder = new EmbedderInfo("m", "MiniLM", EmbedderKind.SentenceEncoder, 384, 1, "s", "t", "l");

        Assert.Contains("one vector per word", WordContextOptions.NotApplicable(glove, hasWordLevel: true));
        Assert.Contains("gives no per-word vectors", WordContextOptions.NotApplicable(encoder, hasWordLevel: false));
        Assert.Null(WordContextOptions.NotApplicable(encoder, hasWordLevel: true));
    }
}
