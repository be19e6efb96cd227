using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation;

public sealed class QaTests
{
    [Fact]
    public async Task Qa_AnswerInSecondRankedSentence_MrrHalf()
    {
        // Question vector (1,0); sentence A (1,0.1) ranks first, B (1,1) second and holds the answer → MRR 1/2, acc@1 0.
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["Q?"] = [1, 0], ["A a."] = [1, 0.1f], ["B b."] = [1, 1] });
        QaExample[] examples = [new("1", "A a. B b.", "Q?", [new AnswerSpan(5, "B")])];

        var result = await QaEvaluator.EvaluateAsync(embedder, examples, EmbedOptions.Default, null, default);

        Assert.Equal(0, result.Primary.Value.Mean);
        Assert.Equal(0.5, result.Secondary.Single(m => m.Name == "mrr").Value.Mean);
    }

    [Fact]
    public async Task FaqRetrieval_OneSwapped_KnownRecallAndMrr()
    {
        // q1 → a1 best (rank 1); q2 is closest to a1, its own a2 second (rank 2): MRR (1 + 1/2)/2 = 0.75, recall@1 = 0.5.
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["q1"] = [1, 0], ["q2"] = [1, 0.2f], ["a1"] = [1, 0.1f], ["a2"] = [0, 1] });
        FaqPair[] pairs = [new("q1", "a1", "t"), new("q2", "a2", "t")];

        var result = await FaqRetrievalEvaluator.EvaluateAsync(embedder, pairs, EmbedOptions.Default, null, default);

        Assert.Equal(0.75, result.Primary.Value.Mean, 10);
        Assert.Equal(0.5, result.Secondary.Single(m => m.Name == "recall_at_1").Value.Mean);
        Assert.Equal(1, result.Secondary.Single(m => m.Name == "recall_at_5").Value.Mean);
    }
}
