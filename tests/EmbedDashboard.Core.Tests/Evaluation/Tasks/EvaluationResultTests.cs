using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class EvaluationResultTests
{
    [Fact]
    public async Task AllMetrics_AnyResult_PrimaryFirstThenSecondaryThenCountsWithoutDuplicates()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["a"] = [1, 0], ["b"] = [1, 1], ["c"] = [0, 1] });
        var result = await WordSimilarityEvaluator.EvaluateAsync(embedder, [new("a", "b", 2), new("a", "c", 1), new("b", "c", 3), new("a", "x", 1), new("a", "b", null)], EmbedOptions.Default);

        var metrics = result.AllMetrics();

        Assert.Equal("spearman", metrics[0].Name);
        Assert.Equal(result.Secondary.Keys, metrics.Skip(1).Take(result.Secondary.Count).Select(m => m.Name));
        Assert.Equal(metrics.Count, metrics.Select(m => m.Name).Distinct().Count());
        Assert.Equal(0.75, metrics.Single(m => m.Name == "coverage").Value.Mean);
        Assert.Equal(1, metrics.Single(m => m.Name == "items_not_covered").Value.Mean);
        Assert.Equal(1, metrics.Single(m => m.Name == "items_skipped").Value.Mean);
        Assert.Contains(metrics, m => m.Name == "elapsed_seconds");
        Assert.Equal(TaskKind.WordSimilarity, result.Task);
        Assert.Equal(4, result.Embedding.Texts); // the embedder's own stats, from its one call over a, b, c, x
    }
}
