using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class WordSimilarityEvaluatorTests
{
    private static readonly Dictionary<string, float[]> Words = new()
    {
        ["a"] = [1, 0],
        ["b"] = [1, 1],
        ["c"] = [0, 1],
        ["d"] = [-1, 0],
    };

    [Fact]
    public async Task EvaluateAsync_OovPairAndNoGold_CountedNotDropped()
    {
        // cos(a,b) = 0.71, cos(a,c) = 0, cos(a,d) = −1: same order as gold 3 > 2 > 1 → ρ = 1 over 3 covered pairs.
        ScoredPair[] pairs = [new("a", "b", 3), new("a", "c", 2), new("a", "d", 1), new("a", "zzz", 5), new("b", "c", null)];
        var embedder = new TableEmbedder(Words);

        var result = await WordSimilarityEvaluator.EvaluateAsync(embedder, pairs, EmbedOptions.Default);

        Assert.Equal(TaskKind.WordSimilarity, result.Task);
        Assert.Equal("spearman", result.Primary.Name);
        Assert.Equal(1, result.Spearman, 12);
        Assert.Equal((3, 1, 1), (result.PairsScored, result.PairsOutOfVocabulary, result.PairsWithoutGold));
        Assert.Equal(new EvaluationCounts(3, NotCovered: 1, Skipped: 1), result.Counts);
        Assert.Equal(0.75, result.Counts.Coverage);
        Assert.Contains(result.Notes, n => n.Contains("1 pair(s) have a word without a vector"));
        Assert.Equal(["a", "b", "c", "d", "zzz"], Assert.Single(embedder.Calls)); // distinct words of gold pairs, once
    }

    [Fact]
    public async Task EvaluateAsync_TiedCosines_HandComputedRho()
    {
        // Cosines: (a,b) 0.7071, (a,c) 0, (a,d) −1, (b,c) 0.7071 → ranks 3.5, 2, 1, 3.5; gold 4, 1, 2, 3.
        // Computed by hand: centred ranks (1, −0.5, −1.5, 1) and (1.5, −1.5, −0.5, 0.5); cross-product 3.5,
        // sums of squares 4.5 and 5 → ρ = 3.5 / √22.5 = 0.737864787.
        ScoredPair[] pairs = [new("a", "b", 4), new("a", "c", 1), new("a", "d", 2), new("b", "c", 3)];

        var result = await WordSimilarityEvaluator.EvaluateAsync(new TableEmbedder(Words), pairs, EmbedOptions.Default);

        Assert.Equal(3.5 / Math.Sqrt(22.5), result.Spearman, 9);
    }

    [Fact]
    public async Task EvaluateAsync_AllPairsOov_NaNAndSaid()
    {
        var result = await WordSimilarityEvaluator.EvaluateAsync(new TableEmbedder(Words), [new("x", "y", 1), new("a", "z", 2)], EmbedOptions.Default);

        Assert.True(double.IsNaN(result.Spearman));
        Assert.Equal(0, result.Counts.Coverage);
        Assert.Contains(result.Notes, n => n.Contains("Fewer than 2 covered pairs"));
    }
}
