using EmbedDashboard.Core.Evaluation.Tasks;

namespace EmbedDashboard.Core.Tests.Evaluation.Tasks;

public sealed class SamplingTests
{
    [Fact]
    public void StratifiedFolds_TenAndFiveItems_EachFoldKeepsTheProportion()
    {
        int[] labels = [.. Enumerable.Repeat(0, 10), .. Enumerable.Repeat(1, 5)];

        var folds = Sampling.StratifiedFolds(labels, 5, seed: 1);

        for (var f = 0; f < 5; f++)
        {
            Assert.Equal(2, Enumerable.Range(0, 15).Count(i => folds[i] == f && labels[i] == 0));
            Assert.Equal(1, Enumerable.Range(0, 15).Count(i => folds[i] == f && labels[i] == 1));
        }
    }

    [Fact]
    public void StratifiedFolds_Seeds_SameSeedSameFoldsOtherSeedOtherFolds()
    {
        var labels = Enumerable.Range(0, 60).Select(i => i % 3).ToArray();

        Assert.Equal(Sampling.StratifiedFolds(labels, 4, seed: 7), Sampling.StratifiedFolds(labels, 4, seed: 7));
        Assert.NotEqual(Sampling.StratifiedFolds(labels, 4, seed: 7), Sampling.StratifiedFolds(labels, 4, seed: 8));
    }

    [Fact]
    public void StratifiedSubset_Half_HalfOfEachClassInOrder()
    {
        var labels = Enumerable.Range(0, 40).Select(i => i < 30 ? 0 : 1).ToArray();
        var candidates = Enumerable.Range(0, 40).Where(i => i % 2 == 0).ToArray(); // 15 of class 0, 5 of class 1

        var subset = Sampling.StratifiedSubset(candidates, labels, 0.4, seed: 3);

        Assert.Equal(6, subset.Count(i => labels[i] == 0));
        Assert.Equal(2, subset.Count(i => labels[i] == 1));
        Assert.All(subset, i => Assert.Contains(i, candidates));
        Assert.Equal(subset.Order(), subset);
    }

    [Fact]
    public void Stratified_Budget_KeepsEveryStratumShare()
    {
        var items = Enumerable.Range(0, 100).Select(i => i < 80 ? "a" : "b").ToList();

        var sample = Sampling.Stratified(items, s => s, 50, seed: 4);

        Assert.Equal(40, sample.Count(s => s == "a"));
        Assert.Equal(10, sample.Count(s => s == "b"));
    }
}
