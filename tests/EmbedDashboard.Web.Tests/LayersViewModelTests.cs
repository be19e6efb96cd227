using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Layers;
using EmbedDashboard.Runner.Layers;
using EmbedDashboard.Web.Components.Pages.Layers;

namespace EmbedDashboard.Web.Tests;

public sealed class LayersViewModelTests
{
    private static LayerAnalysisView View() => new(4, "base", 1, "SICK", new LayerAnalysisResult(TaskKind.Sts, "spearman", 500, 900,
    [
        new LayerModelCurves("base", "Base", IsBase: true, [0.6, 0.7, 0.8]),
        new LayerModelCurves("ft", "Tuned", IsBase: false, [0.6, 0.7, 0.85], [0, 0, 0.02], [1, 1, 0.9]),
    ], []), TimeSpan.FromSeconds(12));

    [Fact]
    public void Series_BaseAndDescendant_MetricForBothWeightsAndCkaForDescendantOnly()
    {
        var state = new LayersViewModel { View = View() };

        Assert.Equal(["Base", "Tuned"], state.MetricSeries.Select(s => s.Name));
        Assert.Equal([0.6, 0.7, 0.85], state.MetricSeries[1].Values);
        Assert.Equal(["Tuned"], state.WeightChangeSeries.Select(s => s.Name));
        Assert.Equal([0.0, 0.0, 0.02], state.WeightChangeSeries[0].Values);
        Assert.Equal([1.0, 1.0, 0.9], state.CkaSeries[0].Values);
    }

    [Fact]
    public void Apply_FailedUpdate_EndsActiveStateWithTheMessage()
    {
        var state = new LayersViewModel();
        state.Apply(new LayerAnalysisStatus(4, RunStatus.Queued, 0, "Queued", null));
        Assert.True(state.IsActive);

        state.Apply(new JobUpdate(new JobKey(JobKind.LayerAnalysis, 4), RunStatus.Failed, 0.3, "'x' is a NER dataset"));

        Assert.False(state.IsActive);
        Assert.Equal("'x' is a NER dataset", state.Error);
    }
}
