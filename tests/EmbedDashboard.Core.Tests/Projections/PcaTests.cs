using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

public sealed class PcaTests
{
    [Fact]
    public void Fit_PointsStretchedAlongDiagonal_FirstComponentIsDiagonal()
    {
        // Points t·(1,1,0)/√2 + small noise on z: the first axis is (1,1,0)/√2 and explains almost all variance.
        var random = new Random(4);
        const int n = 500;
        var data = new float[n * 3];
        for (var i = 0; i < n; i++)
        {
            var t = (float)(random.NextDouble() * 20 - 10);
            data[i * 3] = t / MathF.Sqrt(2);
            data[i * 3 + 1] = t / MathF.Sqrt(2);
            data[i * 3 + 2] = (float)(random.NextDouble() * 0.1);
        }

        var model = Pca.Fit(data, n, 3, 2);

        Assert.Equal(1 / Math.Sqrt(2), model.Components[0][0], 3);
        Assert.Equal(1 / Math.Sqrt(2), model.Components[0][1], 3);
        Assert.True(model.ExplainedVarianceRatio[0] > 0.999, $"ratio {model.ExplainedVarianceRatio[0]}");
    }

    [Fact]
    public void Project_SameData_IdenticalAndCentred()
    {
        var random = new Random(9);
        var data = Enumerable.Range(0, 200 * 8).Select(_ => (float)random.NextDouble()).ToArray();

        var first = Pca.Project(data, 200, 8, 2);
        var second = Pca.Project(data, 200, 8, 2);

        Assert.Equal(first.Coordinates, second.Coordinates);
        Assert.True(Math.Abs(first.Coordinates.Where((_, i) => i % 2 == 0).Average()) < 1e-4); // projections of centred data have mean 0
    }

    [Fact]
    public void Sample_MoreThanMax_DeterministicSortedSubset()
    {
        var a = ProjectionSampler.Sample(1000, 100, 7);

        Assert.Equal(100, a.Length);
        Assert.Equal(a, ProjectionSampler.Sample(1000, 100, 7));
        Assert.Equal(a.Order(), a);
        Assert.Equal(50, ProjectionSampler.Sample(50, 100, 7).Length);
    }
}
