using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Training.Tests.FineTuning;

public sealed class HardNegativeMinerTests
{
    [Fact]
    public void Mine_PassageIdenticalToQuery_IsTheHardNegativeAndNoTensorsLeft()
    {
        FineTuneFixtures.InitTorch();
        var tokenizer = new FineTuneTokenizer(FineTuneFixtures.VocabPath);
        using var encoder = TorchBertEncoder.FromWeights(BertWeights.Random(FineTuneFixtures.TinyConfig, 5));
        int[] Ids(string text) => tokenizer.ContentIds(text, 32);
        // Query 0's positive is passage 0; passage 1 is the query's own text (cosine 1), so no other passage can rank above it.
        int[][] queries = [Ids("rain falls on the hills"), Ids("bake the bread")];
        int[][] passages = [Ids("snow covers the pass"), Ids("rain falls on the hills"), Ids("bake the bread"), Ids("knead the dough")];
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        var hard = HardNegativeMiner.Mine(encoder, tokenizer, queries, passages, [0, 2], CancellationToken.None);

        Assert.Equal(1, hard[0]);
        Assert.NotEqual(2, hard[1]); // its own positive (identical to it) is never its negative
        Assert.InRange(hard[1], 0, passages.Length - 1);
        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
