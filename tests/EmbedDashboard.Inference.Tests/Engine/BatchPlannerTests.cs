using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Inference.Tests.Engine;

public sealed class BatchPlannerTests
{
    [Fact]
    public void Plan_ShortSequences_BatchSizeRows()
    {
        var plan = BatchPlanner.Plan(Enumerable.Repeat(10, 10).ToList(), batchSize: 4);

        Assert.Equal([(0, 4), (4, 4), (8, 2)], plan);
    }

    [Fact]
    public void Plan_LongHead_CappedByPaddedTokens()
    {
        // 100-token rows: 1000 / 100 = 10 fit; then 10-token rows fill whole batches of 32.
        int[] lengths = [.. Enumerable.Repeat(100, 12), .. Enumerable.Repeat(10, 40)];

        var plan = BatchPlanner.Plan(lengths, batchSize: 32, maxPaddedTokens: 1000);

        Assert.Equal([(0, 10), (10, 10), (20, 32)], plan);
    }

    [Fact]
    public void Plan_RowLongerThanBudget_StillOneRowPerBatch()
    {
        var plan = BatchPlanner.Plan([5000, 5000], batchSize: 8, maxPaddedTokens: 1000);

        Assert.Equal([(0, 1), (1, 1)], plan);
    }

    [Fact]
    public void Plan_Empty_NoBatches()
    {
        Assert.Empty(BatchPlanner.Plan([], batchSize: 8));
    }
}
