using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class NerEvaluatorTests
{
    // Each kind of word has its own direction, so a linear tag probe can read the tags off the vectors;
    // "new" (B-LOC) and "york" (I-LOC) differ, so the probe can learn multi-word entities too.
    private static readonly Dictionary<string, float[]> Separable = new()
    {
        ["alice"] = [1, 0, 0, 0, 0],
        ["bob"] = [0.9f, 0.1f, 0, 0, 0],
        ["paris"] = [0, 1, 0, 0, 0],
        ["rome"] = [0.1f, 0.9f, 0, 0, 0],
        ["went"] = [0, 0, 1, 0, 0],
        ["to"] = [0, 0.1f, 0.9f, 0, 0],
        ["new"] = [0, 0, 0, 1, 0],
        ["york"] = [0, 0, 0, 0, 1],
    };

    [Fact]
    public async Task EvaluateAsync_SeparableWordVectors_PerfectEntityScores()
    {
        var sentences = Enumerable.Range(0, 40).Select(i => Sentence(i, i < 30 ? Split.Train : Split.Test)).ToList();
        var embedder = new TableWordEmbedder(Separable);

        var result = await NerEvaluator.EvaluateAsync(embedder, sentences, new NerOptions(), EmbedOptions.Default);

        Assert.Equal(TaskKind.Ner, result.Task);
        Assert.Equal("entity_f1", result.Primary.Name);
        Assert.Equal(1, result.Primary.Value.Mean);
        Assert.Equal(["LOC", "PER"], result.PerType.Keys);
        Assert.Equal(20, result.Overall.Gold); // 10 test sentences × 2 entities
        Assert.Equal(1, result.Secondary["f1[LOC]"].Mean);
        Assert.Equal((30, 10, 120, 40), (result.TrainSentences, result.TestSentences, result.TrainTokens, result.TestTokens));
        Assert.True(result.UsedFileSplit);
        Assert.Equal(1, embedder.Calls);
        Assert.Equal(new EvaluationCounts(40), result.Counts);
    }

    [Fact]
    public async Task EvaluateAsync_PersonAndPlaceShareAVector_HandComputedScores()
    {
        // "alice" and "paris" have the same vector and B-PER is 3× as frequent for it in training, so the
        // probe tags both B-PER. Test: 10 × [alice went to paris], gold B-PER … B-LOC, predicted B-PER … B-PER.
        // Computed by hand: gold 20, predicted 20, correct 10 → P = R = F1 = 1/2;
        // PER: P 10/20, R 10/10 → F1 2/3; LOC: nothing predicted → 0.
        var vectors = new Dictionary<string, float[]> { ["alice"] = [1, 0, 0], ["paris"] = [1, 0, 0], ["went"] = [0, 1, 0], ["to"] = [0, 0, 1], ["home"] = [0, 1, 1] };
        var train = Enumerable.Repeat(new TaggedSentence(["alice", "went", "to", "paris"], ["B-PER", "O", "O", "B-LOC"], Split.Train), 10)
            .Concat(Enumerable.Repeat(new TaggedSentence(["alice", "went", "home"], ["B-PER", "O", "O"], Split.Train), 20));
        var test = Enumerable.Repeat(new TaggedSentence(["alice", "went", "to", "paris"], ["B-PER", "O", "O", "B-LOC"], Split.Test), 10);

        var result = await NerEvaluator.EvaluateAsync(new TableWordEmbedder(vectors), [.. train, .. test], new NerOptions(), EmbedOptions.Default);

        Assert.Equal(new EntityScores(0.5, 0.5, 0.5, 20, 20, 10), result.Overall);
        Assert.Equal(2.0 / 3, result.PerType["PER"].F1, 12);
        Assert.Equal(0, result.PerType["LOC"].F1);
        Assert.Equal(0.75, result.TokenAccuracy); // 30 of 40 test tokens right
    }

    [Fact]
    public async Task EvaluateAsync_NoTestSplit_SeededHoldOut()
    {
        var sentences = Enumerable.Range(0, 40).Select(i => Sentence(i, Split.Train)).ToList();

        var result = await NerEvaluator.EvaluateAsync(new TableWordEmbedder(Separable), sentences, new NerOptions { TestFraction = 0.25 }, EmbedOptions.Default);

        Assert.False(result.UsedFileSplit);
        Assert.Equal(10, result.TestSentences);
        Assert.Equal(30, result.TrainSentences);
        Assert.Equal(1, result.Primary.Value.Mean);
    }

    [Fact]
    public async Task EvaluateAsync_MalformedAndDevSentences_SkippedAndCounted()
    {
        var sentences = Enumerable.Range(0, 40).Select(i => Sentence(i, i < 30 ? Split.Train : Split.Test)).ToList();
        sentences.Add(new TaggedSentence(["alice", "went"], ["B-PER"], Split.Train)); // one tag for two tokens
        sentences.Add(Sentence(0, Split.Dev));

        var result = await NerEvaluator.EvaluateAsync(new TableWordEmbedder(Separable), sentences, new NerOptions(), EmbedOptions.Default);

        Assert.Equal(new EvaluationCounts(40, Skipped: 2), result.Counts);
    }

    private static TaggedSentence Sentence(int i, Split split) => (i % 4) switch
    {
        3 => new TaggedSentence(["alice", "went", "new", "york"], ["B-PER", "O", "B-LOC", "I-LOC"], split),
        _ => new TaggedSentence([i % 2 == 0 ? "alice" : "bob", "went", "to", i % 3 == 0 ? "paris" : "rome"], ["B-PER", "O", "O", "B-LOC"], split),
    };
}
