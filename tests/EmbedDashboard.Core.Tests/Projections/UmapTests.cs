using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Core.Tests.Projections;

public sealed class UmapTests
{
    private const int N = 300, D = 50;
    private static readonly (float[] X, int[] Labels) Data = ProjectionTestData.Blobs(N, D, 4, 3);
    private static readonly UmapOptions Quick = new() { Epochs = 100 };

    [Fact]
    public void CurveParameters_DefaultMinDist_MatchesUmapLearn()
    {
        // umap-learn: find_ab_params(spread=1.0, min_dist=0.1) = (1.5769434603113077, 0.8950608779109733)
        // (scipy curve_fit; the commonly quoted values for the defaults; not re-run here, as this
        // environment has no Python scientific stack).
        var (a, b) = Umap.CurveParameters(0.1);

        // This fit gives a = 1.57694361, b = 0.89506072: within 2e-7 of scipy, so 1e-5 leaves room for
        // platform rounding only.
        Assert.Equal(1.5769434603113077, a, 1e-5);
        Assert.Equal(0.8950608779109733, b, 1e-5);
    }

    [Fact]
    public void Project_SeparatedClusters_TrustworthyAndClustersApart()
    {
        var result = Umap.Project(Data.X, N, D, new UmapOptions());

        Assert.Equal(2, result.Components);
        Assert.Equal(N * 2, result.Coordinates.Length);
        var trust = Trustworthiness.Compute(Data.X, D, result.Coordinates, 2, N, 10);
        Assert.True(trust > 0.9, $"trustworthiness {trust}");
        var accuracy = ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 2, Data.Labels);
        Assert.True(accuracy > 0.95, $"5-NN accuracy {accuracy}");
    }

    [Fact]
    public void Project_SameSeed_IdenticalCoordinates()
    {
        var first = Umap.Project(Data.X, N, D, Quick);
        var second = Umap.Project(Data.X, N, D, Quick);

        Assert.Equal(first.Coordinates, second.Coordinates);
    }

    [Fact]
    public void Project_DifferentSeed_DifferentCoordinates()
    {
        var first = Umap.Project(Data.X, N, D, Quick);
        var other = Umap.Project(Data.X, N, D, Quick with { Seed = 14 });

        var maxDifference = first.Coordinates.Zip(other.Coordinates, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDifference > 1e-3, $"max coordinate difference {maxDifference}");
    }

    [Fact]
    public void Project_ThreeComponents_NTimesThreeFiniteOutput()
    {
        var result = Umap.Project(Data.X, N, D, Quick with { Components = 3 });

        Assert.Equal(3, result.Components);
        Assert.Equal(N * 3, result.Coordinates.Length);
        Assert.All(result.Coordinates, v => Assert.True(float.IsFinite(v)));
        Assert.True(ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 3, Data.Labels) > 0.95);
    }

    [Fact]
    public void Project_Progress_EndsAtOneWithinRange()
    {
        var progress = new RecordingProgress();

        Umap.Project(Data.X, N, D, Quick, progress);

        var values = progress.Values.ToArray();
        Assert.True(values.Length > 10);
        Assert.All(values, v => Assert.InRange(v, 0, 1));
        Assert.Equal(1.0, values[^1]);
    }

    [Fact]
    public void Project_CancelledMidRun_ThrowsPromptly()
    {
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(v => { if (v >= 0.5) cts.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => Umap.Project(Data.X, N, D, new UmapOptions(), progress, cts.Token));
        Assert.True(progress.Values.Max() < 0.51, $"progress ran on to {progress.Values.Max()}");
    }

    [Fact]
    public void Project_TooFewPoints_ThrowsWithMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => Umap.Project(new float[10 * 4], 10, 4, new UmapOptions()));

        Assert.Contains("needs at least 16 points", ex.Message);
    }

    [Fact]
    public void Project_InfinityInput_ThrowsNamingTheCell()
    {
        var x = (float[])Data.X.Clone();
        x[7 * D] = float.PositiveInfinity;

        var ex = Assert.Throws<ArgumentException>(() => Umap.Project(x, N, D, Quick));

        Assert.Contains("infinity at row 7, column 0", ex.Message);
    }

    [Fact]
    public void Project_ManyExactDuplicates_FiniteAndDuplicatesStayTogether()
    {
        // 3 distinct points, each repeated 40 times: zero kNN distances everywhere must not produce NaN
        // (division by σ = 0, zero-width tree cells), and copies of one point must end up near each other.
        const int n = 120;
        var x = new float[n * 3];
        for (var i = 0; i < n; i++) x[i * 3 + i % 3] = 10;

        var result = Umap.Project(x, n, 3, Quick);

        Assert.All(result.Coordinates, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1.0, ProjectionTestData.NeighbourLabelAccuracy(result.Coordinates, 2, Enumerable.Range(0, n).Select(i => i % 3).ToArray()));
    }
}
