using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Specs;
using EmbedDashboard.Runner.Tasks;

namespace EmbedDashboard.Runner.Tests;

/// <summary>The FAQ-retrieval and STS runners take their item budget from the stored test split and say so in the notes.</summary>
public sealed class TestSplitTaskRunnerTests
{
    private static async Task<TaskOutcome> RunAsync<T>(ITaskRunner runner, IReadOnlyList<T> items, int maxItems)
    {
        await using var host = await RunnerHost.StartAsync();
        var store = host.Get<DatasetStore>();
        var dataset = await store.SaveAsync(new DatasetMetadata("pairs", runner.Task, "test", "hash", "test", null, false), items);
        var embedder = new FakeEmbedder("general");
        var context = new TaskRunContext(dataset.Id, runner.Task, store, embedder, null, new FakeRegistry(embedder),
            new RunOptions { MaxItems = maxItems }, new Progress<(double, string)>(), CancellationToken.None);
        return await runner.RunAsync(context);
    }

    [Fact]
    public async Task FaqRetrieval_TrainAndTestPairsWithBudget_BudgetSpentOnTestPairsOnly()
    {
        // 20 train pairs and 5 test pairs with a budget of 3: sampling before excluding train would leave about 1 test pair.
        var pairs = Enumerable.Range(0, 25).Select(i => new FaqPair($"question {i}", new string('a', i + 1), "s", i < 20 ? Split.Train : Split.Test)).ToList();

        var outcome = await RunAsync(new FaqRetrievalTaskRunner(), pairs, maxItems: 3);

        Assert.Equal(3, outcome.ItemsEvaluated);
        Assert.Equal(3, outcome.Metrics.Single(m => m.Name == "candidates").Value);
        Assert.StartsWith("Scored the test split only: a seeded sample of 3 of its 5 pairs; 20 train pair(s) were excluded", outcome.Notes);
    }

    [Fact]
    public async Task Sts_TestPairsOnly_ScoredWholeWithoutSplitNote()
    {
        var pairs = Enumerable.Range(0, 6).Select(i => new ScoredPair(new string('x', i + 1), "y", i)).ToList();

        var outcome = await RunAsync(new PairSimilarityTaskRunner(TaskKind.Sts), pairs, maxItems: 0);

        Assert.Equal(6, outcome.ItemsEvaluated);
        Assert.DoesNotContain("test split", outcome.Notes);
    }
}
