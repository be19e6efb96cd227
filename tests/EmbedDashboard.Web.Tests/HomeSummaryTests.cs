using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Web.Components.Pages;

namespace EmbedDashboard.Web.Tests;

public sealed class HomeSummaryTests
{
    private static readonly EmbedderInfo Model = new("enc", "Encoder A", EmbedderKind.SentenceEncoder, 384, 1, "sha", "npm", "MIT");

    private static DatasetInfo Dataset(bool builtIn) => new(1, "d", TaskKind.Classification, "csv", 10, 0, null, "sha", "src", null, builtIn, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Next_NoExperimentYet_LinksToNewExperiment()
    {
        var next = HomeSummary.Next([Model], [Dataset(true)], [], []);
        Assert.Equal("experiments/new", next!.Href);
    }

    [Fact]
    public void Next_ExperimentButOnlyBuiltInData_LinksToDatasets()
    {
        var experiment = new ExperimentView(1, "e", DateTimeOffset.UnixEpoch, "{}", []);
        Assert.Equal("datasets", HomeSummary.Next([Model], [Dataset(true)], [experiment], [])!.Href);
    }

    [Fact]
    public void ActiveJobs_RunningRun_ListedWithItsExperimentLink()
    {
        var run = VerdictPanelTests.TwoEmbedders().Runs[0] with { Status = RunStatus.Running, Progress = 0.4 };
        var experiment = new ExperimentView(9, "e", DateTimeOffset.UnixEpoch, "{}", [run, VerdictPanelTests.TwoEmbedders().Runs[1]]);

        var job = Assert.Single(HomeSummary.ActiveJobs([experiment], []));

        Assert.Equal("experiments/9", job.Href);
        Assert.Equal(0.4, job.Progress);
    }
}
