using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class StsEvaluatorTests
{
    [Fact]
    public async Task EvaluateAsync_NullScores_SkippedAndCounted()
    {
        // Cosines 0.6, 0, −1 against gold 4, 2, 0: same order → ρ = 1; Pearson of (0.6, 0, −1) and
        // (4, 2, 0) = 3.2 / √(1.30667 · 8) = 0.989743319 (computed by hand, arithmetic in python3).
        var embedder = new TableEmbedder(new Dictionary<string, float[]>
        {
            ["A man plays."] = [1, 0],
            ["A man sings."] = [0.6f, 0.8f],
            ["A cat sleeps."] = [0, 1],
            ["Nobody plays."] = [-1, 0],
        });
        ScoredPair[] pairs =
        [
            new("A man plays.", "A man sings.", 4), new("A man plays.", "A cat sleeps.", 2), new("A man plays.", "Nobody plays.", 0),
            new("A man sings.", "A cat sleeps.", null), new("A cat sleeps.", "Nobody plays.", null),
        ];

        var result = await StsEvaluator.EvaluateAsync(embedder, pairs, EmbedOptions.Default);

        Assert.Equal(TaskKind.Sts, result.Task);
        Assert.Equal(1, result.Primary.Value.Mean, 12);
        Assert.Equal(0.989743319, result.Pearson, 6);
        Assert.Equal(0.989743319, result.Secondary["pearson"].Mean, 6);
        Assert.Equal(2, result.PairsWithoutGold);
        Assert.Equal(new EvaluationCounts(3, Skipped: 2), result.Counts);
        Assert.Contains(result.Notes, n => n.Contains("2 pair(s) without a gold score were skipped"));
    }

    [Fact]
    public async Task EvaluateAsync_SentenceWithoutVector_NotCovered()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["x"] = [1, 0], ["y"] = [0, 1], ["z"] = [1, 1] });

        var result = await StsEvaluator.EvaluateAsync(embedder, [new("x", "y", 1), new("x", "z", 2), new("y", "z", 3), new("x", "qqq", 4)], EmbedOptions.Default);

        Assert.Equal(new EvaluationCounts(3, NotCovered: 1), result.Counts);
    }
}
