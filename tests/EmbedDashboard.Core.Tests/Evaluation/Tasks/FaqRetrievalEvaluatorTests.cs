using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class FaqRetrievalEvaluatorTests
{
    [Fact]
    public async Task EvaluateAsync_OneQuestionCloserToAnotherAnswer_HandComputedScores()
    {
        // q1 is nearest its own a1 (rank 1); q2 is nearer a1 than its own a2 (rank 2).
        // Computed by hand: MRR (1 + 1/2)/2 = 0.75, recall@1 1/2, recall@5 1.
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["q1"] = [1, 0], ["q2"] = [1, 0.2f], ["a1"] = [1, 0.1f], ["a2"] = [0, 1] });

        var result = await FaqRetrievalEvaluator.EvaluateAsync(embedder, [new FaqPair("q1", "a1", "t"), new FaqPair("q2", "a2", "t")], EmbedOptions.Default);

        Assert.Equal(TaskKind.FaqRetrieval, result.Task);
        Assert.Equal("mrr", result.Primary.Name);
        Assert.Equal(0.75, result.Primary.Value.Mean, 12);
        Assert.Equal((0.5, 1.0, 1.0), (result.RecallAt1, result.RecallAt5, result.RecallAt10));
        Assert.Equal(0.5, result.Secondary["recall_at_1"].Mean);
    }

    [Fact]
    public async Task EvaluateAsync_SharedAnswerText_OneCandidate()
    {
        // q1 and q3 share the answer a1: ranking a1 first is right for both, not a miss for one.
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["q1"] = [1, 0], ["q3"] = [1, 0.05f], ["a1"] = [1, 0.1f], ["q2"] = [0, 1], ["a2"] = [0, 1] });

        var result = await FaqRetrievalEvaluator.EvaluateAsync(embedder, [new("q1", "a1", "t"), new("q2", "a2", "t"), new("q3", "a1", "t")], EmbedOptions.Default);

        Assert.Equal(2, result.Candidates);
        Assert.Equal(1, result.Mrr);
        // Queries and passages are two calls (each with its role's prefix): 3 questions, then the 2 distinct answers.
        Assert.Equal(2, embedder.Calls.Count);
        Assert.Equal(["q1", "q2", "q3"], embedder.Calls[0]);
        Assert.Equal(["a1", "a2"], embedder.Calls[1]);
    }

    [Fact]
    public async Task EvaluateAsync_QuestionWithoutVector_NotCovered()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["q1"] = [1, 0], ["a1"] = [1, 0], ["a2"] = [0, 1] });

        var result = await FaqRetrievalEvaluator.EvaluateAsync(embedder, [new("q1", "a1", "t"), new("unknown", "a2", "t")], EmbedOptions.Default);

        Assert.Equal(new EvaluationCounts(1, NotCovered: 1), result.Counts);
        Assert.Equal(0.5, result.Counts.Coverage);
        Assert.Equal(1, result.Mrr);
    }
}
