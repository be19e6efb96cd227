using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class ClusteringEvaluatorTests
{
    [Fact]
    public async Task EvaluateAsync_SeparatedBlobs_PerfectOverEverySeed()
    {
        var (x, y) = ToyData.Blobs(90, 3, 3, separation: 10, seed: 4);
        var items = Enumerable.Range(0, 90).Select(i => new LabeledText($"t{i}", $"label{y[i]}")).ToList();

        var result = await ClusteringEvaluator.EvaluateAsync(new TableEmbedder(ToyData.Table(x, 3)), items, new ClusteringOptions { Seeds = 4 }, EmbedOptions.Default);

        Assert.Equal(TaskKind.Clustering, result.Task);
        Assert.Equal("v_measure", result.Primary.Name);
        Assert.Equal(4, result.Primary.Value.Values.Count);
        Assert.All(result.Primary.Value.Values, v => Assert.Equal(1, v, 9));
        Assert.Equal(1, result.Secondary["ari"].Mean, 9);
        Assert.Equal(3, result.Scores.Clusters);
        Assert.Equal(90, result.Counts.Evaluated);
    }

    [Fact]
    public async Task EvaluateAsync_OneLabel_Throws()
    {
        var embedder = new TableEmbedder(new Dictionary<string, float[]> { ["a"] = [1f], ["b"] = [2f] });

        await Assert.ThrowsAsync<ArgumentException>(() => ClusteringEvaluator.EvaluateAsync(embedder, [new LabeledText("a", "x"), new LabeledText("b", "x")], new ClusteringOptions(), EmbedOptions.Default));
    }
}
