using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

/// <summary>
/// FAQ retrieval, STS and QA score only the test split once a dataset has train items. Each train item is built
/// so that, were it scored or a candidate, the figures would change.
/// </summary>
public sealed class TestSplitScoringTests
{
    [Fact]
    public async Task FaqRetrieval_TrainPairs_NeitherScoredNorCandidates()
    {
        // The train answer "aT" is q1's exact direction: as a candidate it would push a1 to rank 2.
        // The train question "qT" ranks its own answer last: scored, it would pull MRR below 1.
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["q1"] = [1, 0], ["a1"] = [1, 0.3f], ["q2"] = [0, 1], ["a2"] = [0.1f, 1], ["aT"] = [1, 0], ["qT"] = [-1, -1],
        });
        FaqPair[] pairs = [new("q1", "a1", "t"), new("qT", "aT", "t", Split.Train), new("q2", "a2", "t")];

        var result = await FaqRetrievalEvaluator.EvaluateAsync(embedder, pairs, EmbedOptions.Default);

        Assert.Equal(1.0, result.Primary.Value.Mean, 12);
        Assert.Equal(2, result.Candidates);
        Assert.Equal(new EvaluationCounts(2), result.Counts);
        Assert.DoesNotContain(embedder.Calls.SelectMany(c => c), t => t is "qT" or "aT");
        Assert.Equal("Scored the test split only: its 2 pairs; 1 train pair(s) were excluded from the scored set and from the candidates.", result.Notes[0]);
    }

    [Fact]
    public async Task FaqRetrieval_AllPairsTestByDefault_ScoredWholeWithoutSplitNote()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["q1"] = [1, 0], ["a1"] = [1, 0.1f], ["q2"] = [0, 1], ["a2"] = [0, 1] });

        var result = await FaqRetrievalEvaluator.EvaluateAsync(embedder, [new FaqPair("q1", "a1", "t"), new FaqPair("q2", "a2", "t")], EmbedOptions.Default);

        Assert.Equal(2, result.Counts.Evaluated);
        Assert.DoesNotContain(result.Notes, n => n.Contains("test split", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FaqRetrieval_OnlyTrainPairs_RefusedWithReason()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["q"] = [1, 0], ["a"] = [1, 0] });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => FaqRetrievalEvaluator.EvaluateAsync(embedder, [new FaqPair("q", "a", "t", Split.Train)], EmbedOptions.Default));

        Assert.Contains("none in the test split", ex.Message);
    }

    [Fact]
    public async Task Sts_TrainPairsAnticorrelated_OnlyTestPairsInRho()
    {
        // Test pairs: cosines 1, 0.6, 0 against gold 5, 3, 1 → ρ = 1. The train pairs reverse that order; scored, ρ < 1.
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["x"] = [1, 0], ["x2"] = [1, 0], ["y"] = [0.6f, 0.8f], ["z"] = [0, 1],
        });
        ScoredPair[] pairs =
        [
            new("x", "x2", 5), new("x", "y", 3), new("x", "z", 1),
            new("x", "x2", 0, Split.Train), new("x", "z", 5, Split.Train), new("y", "z", 4, Split.Train),
        ];

        var result = await StsEvaluator.EvaluateAsync(embedder, pairs, EmbedOptions.Default);

        Assert.Equal(1, result.Primary.Value.Mean, 12);
        Assert.Equal(new EvaluationCounts(3), result.Counts);
        Assert.Contains("3 train pair(s) were excluded", result.Notes[0]);
    }

    [Fact]
    public async Task Qa_TrainExamples_NotScored()
    {
        // The train question ranks the wrong sentence first; scored, accuracy@1 would be 1/2.
        const string Context = "Paris is big. Rome is old.";
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["Paris is big."] = [1, 0], ["Rome is old."] = [0, 1], ["Which is big?"] = [1, 0], ["Which is old?"] = [1, 0.1f],
        });
        QaExample[] examples =
        [
            new("1", Context, "Which is big?", [new AnswerSpan(0, "Paris")]),
            new("2", Context, "Which is old?", [new AnswerSpan(14, "Rome")], Split.Train),
        ];

        var result = await QaEvaluator.EvaluateAsync(embedder, examples, EmbedOptions.Default);

        Assert.Equal(1.0, result.Primary.Value.Mean);
        Assert.Equal(new EvaluationCounts(1), result.Counts);
        Assert.DoesNotContain(embedder.Calls.SelectMany(c => c), t => t == "Which is old?");
        Assert.Contains("1 train question(s) were excluded", result.Notes[0]);
    }

    [Fact]
    public void Note_SampledTestSplitWithDev_SaysSampleAndBothExclusions()
    {
        var split = ScoredSplit.Select([Split.Test, Split.Test, Split.Test, Split.Train, Split.Dev], s => s, "pair");

        Assert.Equal("Scored the test split only: a seeded sample of 2 of its 3 pairs; 1 train and 1 dev pair(s) were excluded from the scored set and from the candidates.", split.Note(2));
    }
}
