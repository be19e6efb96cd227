using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class QaEvaluatorTests
{
    private const string Context = "Paris is big. Rome is old. Oslo is cold.";

    [Fact]
    public async Task EvaluateAsync_HandMadeRanks_AccuracyAndMrr()
    {
        // Sentences: "Paris is big." [1,0,0], "Rome is old." [0,1,0] (starts at 14), "Oslo is cold." [0,0,1] (at 27).
        // Q1 [0,1,0] ranks Rome first; its answer "Rome" starts at 14 → rank 1.
        // Q2 [0.1,0.9,0.5] ranks Rome (0.9) above Oslo (0.5); its answer "Oslo" starts at 27 → rank 2.
        // Computed by hand: accuracy@1 = 1/2, MRR = (1 + 1/2)/2 = 0.75.
        // Q3's answer offset lies outside every sentence (skipped); Q4 has no vector (not covered).
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["Paris is big."] = [1, 0, 0],
            ["Rome is old."] = [0, 1, 0],
            ["Oslo is cold."] = [0, 0, 1],
            ["Which city is old?"] = [0, 1, 0],
            ["Which city is cold?"] = [0.1f, 0.9f, 0.5f],
            ["Where?"] = [1, 1, 1],
        });
        QaExample[] examples =
        [
            new("1", Context, "Which city is old?", [new AnswerSpan(14, "Rome")]),
            new("2", Context, "Which city is cold?", [new AnswerSpan(27, "Oslo")]),
            new("3", Context, "Where?", [new AnswerSpan(500, "nowhere")]),
            new("4", Context, "Unknown words?", [new AnswerSpan(0, "Paris")]),
        ];

        var result = await QaEvaluator.EvaluateAsync(embedder, examples, EmbedOptions.Default);

        Assert.Equal(TaskKind.QuestionAnswering, result.Task);
        Assert.Equal(0.5, result.Primary.Value.Mean);
        Assert.Equal(0.75, result.Mrr, 12);
        Assert.Equal(0.75, result.Secondary["mrr"].Mean, 12);
        Assert.Equal(3, result.MeanCandidates);
        Assert.Equal(new EvaluationCounts(2, NotCovered: 1, Skipped: 1), result.Counts);
    }

    [Fact]
    public async Task EvaluateAsync_SharedContext_QuestionOnceThenSentencesOnce()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["q"] = [1f, 0f] });
        QaExample[] examples = [new("1", Context, "q", [new AnswerSpan(0, "Paris")]), new("2", Context, "q", [new AnswerSpan(14, "Rome")])];

        await QaEvaluator.EvaluateAsync(embedder, examples, EmbedOptions.Default);

        // The question as a query, then each distinct sentence once as a passage (two calls: each role gets its prefix).
        Assert.Equal(2, embedder.Calls.Count);
        Assert.Equal(["q"], embedder.Calls[0]);
        Assert.Equal(["Paris is big.", "Rome is old.", "Oslo is cold."], embedder.Calls[1]);
    }

    [Fact]
    public async Task EvaluateAsync_SeveralAnswers_BestRankedGoldSentenceCounts()
    {
        // Answers start in sentence 1 (ranked 3rd) and sentence 2 (ranked 1st) → rank 1.
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["Paris is big."] = [1, 0, 0],
            ["Rome is old."] = [0, 1, 0],
            ["Oslo is cold."] = [0, 0, 1],
            ["q"] = [0, 1, 0.5f],
        });

        var result = await QaEvaluator.EvaluateAsync(embedder, [new("1", Context, "q", [new AnswerSpan(0, "Paris"), new AnswerSpan(14, "Rome")])], EmbedOptions.Default);

        Assert.Equal(1, result.AccuracyAt1);
    }
}
