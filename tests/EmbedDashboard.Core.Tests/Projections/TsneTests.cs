using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

public sealed class TsneTests
{
    // 4 blobs × 75 points in 50-D (see ProjectionTestData.Blobs); perplexity 30 needs ≥ 62 points.
    private const int N = 300, D = 50;
    private static readonly (float[] X, int[] Labels) Data = ProjectionTestData.Blobs(N, D, 4, 3);

    // Shorter run for tests that check plumbing rather than quality.
    private static readonly TsneOptions Quick = new() { Iterations = 100 };

    [Fact]
    public void Project_SeparatedClusters_TrustworthyAndClustersApart()
    {
        var result = Tsne.Project(Data.X, N, D, new TsneOptions());

        Assert.Equal(2, result.Components);
        Assert.Empty(result.ExplainedVarianceRatio);
        Assert.Equal(N * 2, result.Coordinates.Length);
        var trust = Trustworthiness.Compute(Data.X, D, result.Coordinates, 2, N, 10);
        Assert.True(trust > 0.9, $"trustworthiness {trust}");
        var accuracy = ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 2, Data.Labels);
        Assert.True(accuracy > 0.95, $"5-NN accuracy {accuracy}");
    }

    [Fact]
    public void Project_ThetaZero_ExactGradientAlsoSeparates()
    {
        // Theta = 0 never summarises a cell, so the tree walk degenerates to the exact O(n²) repulsion.
        var result = Tsne.Project(Data.X, N, D, Quick with { Theta = 0 });

        Assert.True(ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 2, Data.Labels) > 0.95);
        Assert.True(Trustworthiness.Compute(Data.X, D, result.Coordinates, 2, N, 10) > 0.9);
    }

    [Fact]
    public void Project_WideInput_ReducedByPcaAndStillSeparated()
    {
        // d = 120 > PcaDimensions = 50 exercises the PCA pre-reduction path.
        var (x, labels) = ProjectionTestData.Blobs(200, 120, 3, 11);

        var result = Tsne.Project(x, 200, 120, Quick);

        Assert.True(ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 2, labels) > 0.95);
    }

    [Fact]
    public void Project_SameSeed_IdenticalCoordinates()
    {
        var first = Tsne.Project(Data.X, N, D, Quick);
        var second = Tsne.Project(Data.X, N, D, Quick);

        Assert.Equal(first.Coordinates, second.Coordinates);
    }

    [Fact]
    public void Project_DifferentSeed_DifferentCoordinates()
    {
        var first = Tsne.Project(Data.X, N, D, Quick);
        var other = Tsne.Project(Data.X, N, D, Quick with { Seed = 14 });

        var maxDifference = first.Coordinates.Zip(other.Coordinates, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDifference > 1e-3, $"max coordinate difference {maxDifference}");
    }

    [Fact]
    public void Project_ThreeComponents_NTimesThreeFiniteOutput()
    {
        var result = Tsne.Project(Data.X, N, D, Quick with { Components = 3 });

        Assert.Equal(3, result.Components);
        Assert.Equal(N * 3, result.Coordinates.Length);
        Assert.All(result.Coordinates, v => Assert.True(float.IsFinite(v)));
        // The third axis is used, not left at its initial zero.
        Assert.True(Enumerable.Range(0, N).Select(i => Math.Abs(result.Coordinates[i * 3 + 2])).Max() > 1);
        Assert.True(ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 3, Data.Labels) > 0.95);
    }

    [Fact]
    public void Project_Progress_EndsAtOneWithinRange()
    {
        var progress = new RecordingProgress();

        Tsne.Project(Data.X, N, D, Quick, progress);

        var values = progress.Values.ToArray();
        Assert.True(values.Length > 10);
        Assert.All(values, v => Assert.InRange(v, 0, 1));
        Assert.Equal(1.0, values[^1]);
    }

    [Fact]
    public void Project_CancelledMidRun_ThrowsPromptly()
    {
        // Cancel once the optimisation is 30% done; at most one further iteration may report.
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(v => { if (v >= 0.3) cts.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => Tsne.Project(Data.X, N, D, new TsneOptions(), progress, cts.Token));
        Assert.True(progress.Values.Max() < 0.31, $"progress ran on to {progress.Values.Max()}");
    }

    [Fact]
    public void Project_TooFewPointsForPerplexity_ThrowsWithMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tsne.Project(new float[50 * 4], 50, 4, new TsneOptions()));

        Assert.Contains("needs at least 62 points", ex.Message);
    }

    [Fact]
    public void Project_NaNInput_ThrowsNamingTheCell()
    {
        var x = (float[])Data.X.Clone();
        x[3 * D + 5] = float.NaN;

        var ex = Assert.Throws<ArgumentException>(() => Tsne.Project(x, N, D, Quick));

        Assert.Contains("NaN at row 3, column 5", ex.Message);
    }

    [Fact]
    public void Project_FourComponents_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tsne.Project(Data.X, N, D, Quick with { Components = 4 }));

        Assert.Contains("2 or 3 components", ex.Message);
    }

    [Fact]
    public void Project_ManyExactDuplicates_FiniteAndDuplicatesStayTogether()
    {
        // 3 distinct points, each repeated 40 times: zero kNN distances everywhere must not produce NaN
        // (division by σ = 0, zero-width tree cells), and copies of one point must end up near each other.
        const int n = 120;
        var x = new float[n * 3];
        for (var i = 0; i < n; i++) x[i * 3 + i % 3] = 10;

        var result = Tsne.Project(x, n, 3, Quick);

        Assert.All(result.Coordinates, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1.0, ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 2, Enumerable.Range(0, n).Select(i => i % 3).ToArray()));
    }
}
