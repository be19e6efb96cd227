using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Data.Tests;

/// <summary>FAQ and scored pairs stored before they had a split read back as test pairs, so old datasets are scored whole as before.</summary>
public sealed class PairSplitPayloadTests
{
    [Fact]
    public void Deserialize_FaqPairsStoredWithoutSplit_TestSplit()
    {
        var old = GzipJson.Serialize(new[] { new { question = "What is Python?", answer = "A language.", source = "general.rst.txt" } });

        var pairs = GzipJson.Deserialize<List<FaqPair>>(old);

        Assert.Equal([new FaqPair("What is Python?", "A language.", "general.rst.txt", Split.Test)], pairs);
    }

    [Fact]
    public void Deserialize_ScoredPairsStoredWithoutSplit_TestSplitAndNullScoreKept()
    {
        var old = GzipJson.Serialize(new object[] { new { a = "cat", b = "dog", score = 7.5 }, new { a = "x", b = "y", score = (double?)null } });

        var pairs = GzipJson.Deserialize<List<ScoredPair>>(old);

        Assert.Equal([new ScoredPair("cat", "dog", 7.5, Split.Test), new ScoredPair("x", "y", null, Split.Test)], pairs);
    }

    [Fact]
    public async Task LoadItemsAsync_TrainAndTestPairs_SplitSurvivesTheStore()
    {
        await using var db = await TempDatabase.CreateAsync();
        var store = db.Get<DatasetStore>();
        FaqPair[] items = [new("q1", "a1", "s", Split.Train), new("q2", "a2", "s")];
        var saved = await store.SaveAsync(new DatasetMetadata("faq", TaskKind.FaqRetrieval, "built-in", "h", "test", null, IsBuiltIn: false, 0, ""), items);

        Assert.Equal(items, await store.LoadItemsAsync<FaqPair>(saved.Id));
    }
}
