using Bunit;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Web.Components.Charts;
using EmbedDashboard.Web.Components.Pages.Experiments;
using MudBlazor.Services;

namespace EmbedDashboard.Web.Tests;

public sealed class VerdictPanelTests
{
    private const string Sentence = "On IMDB, Layer 50d beats the best general embedder (GloVe 6B 100d) by +11.9 accuracy points [95% CI +10.1, +13.6], p < 0.001.";

    private static RunView Run(int id, int dataset, string datasetName, string embedderId, string name, bool general, double value, double low, double high) => new(
        id, dataset, datasetName, TaskKind.Classification, embedderId, name, general, RunStatus.Done, 1, null, null,
        [new MetricView("accuracy", value, 0.01, true, [value])], null, null, null, null)
    {
        Score = new RunScore("accuracy", value, low, high, 0.95, 400, value, 400, 400, true, null),
    };

    /// <summary>IMDB: GloVe (general, baseline) 0.755, Layer 50d (task-specific) 0.874, significantly better; SST: Layer 50d 0.70 vs GloVe 0.72, not significant.</summary>
    internal static ExperimentView TwoEmbedders()
    {
        var glove1 = Run(1, 1, "IMDB", "glove", "GloVe 6B 100d", true, 0.755, 0.703, 0.808);
        var layer1 = Run(2, 1, "IMDB", "layer", "Layer 50d", false, 0.874, 0.85, 0.90) with
        {
            DeltaVsBestGeneral = 0.119,
            VsBestGeneral = new Comparison(1, 2, "Layer 50d", false, 1, "GloVe 6B 100d", "accuracy", 0.119, 0.101, 0.136, 0.0005, 0.001, true, 400, null) { Sentence = Sentence },
        };
        var glove2 = Run(3, 2, "SST", "glove", "GloVe 6B 100d", true, 0.72, 0.68, 0.76);
        var layer2 = Run(4, 2, "SST", "layer", "Layer 50d", false, 0.70, 0.66, 0.74) with
        {
            DeltaVsBestGeneral = -0.02,
            VsBestGeneral = new Comparison(2, 4, "Layer 50d", false, 3, "GloVe 6B 100d", "accuracy", -0.02, -0.05, 0.01, 0.2, 0.2, false, 400, null) { Sentence = "On SST, no significant difference." },
        };
        return new ExperimentView(7, "exp", DateTimeOffset.UnixEpoch, "{}", [glove1, layer1, glove2, layer2])
        {
            Verdicts =
            [
                new DatasetVerdict(1, "IMDB", "accuracy", 1, "GloVe 6B 100d", [layer1.VsBestGeneral!], Sentence),
                new DatasetVerdict(2, "SST", "accuracy", 3, "GloVe 6B 100d", [layer2.VsBestGeneral!], "On SST, no significant difference."),
            ],
        };
    }


    [Fact]
    public async Task Render_TwoEmbedders_VerdictSentencePerDataset()
    {
        await using var ctx = MudTestContext.Create();

        var panel = ctx.Render<VerdictPanel>(p => p.Add(x => x.View, TwoEmbedders()));

        var verdicts = panel.FindAll("[data-testid=verdict]").Select(v => v.TextContent.Trim()).ToList();
        Assert.Equal([Sentence, "On SST, no significant difference."], verdicts);
    }

    [Fact]
    public async Task Render_TwoEmbedders_MatrixGroupsRowsBoldsBestAndMarksSignificant()
    {
        await using var ctx = MudTestContext.Create();

        var panel = ctx.Render<VerdictPanel>(p => p.Add(x => x.View, TwoEmbedders()));

        var matrix = panel.Find("[data-testid=verdict-matrix]");
        var groups = matrix.QuerySelectorAll("[data-testid=matrix-group]").Select(g => g.TextContent.Trim()).ToList();
        Assert.Equal(["General embedders", "Task-specific embedders"], groups);
        var rows = matrix.QuerySelectorAll("[data-testid=matrix-row]");
        Assert.Equal(2, rows.Length);
        Assert.Contains("GloVe 6B 100d", rows[0].TextContent);
        Assert.Contains("Layer 50d", rows[1].TextContent);

        // Best per column in bold: Layer on IMDB (0.874), GloVe on SST (0.720).
        var best = matrix.QuerySelectorAll("[data-testid=matrix-best]").Select(b => b.TextContent).ToList();
        Assert.Equal(2, best.Count);
        Assert.Equal("0.720", rows[0].QuerySelector("[data-testid=matrix-best]")!.TextContent);
        Assert.Equal("0.874", rows[1].QuerySelector("[data-testid=matrix-best]")!.TextContent);

        // Value with its CI, Δ in points with the paired CI; only the significant comparison gets the mark.
        var layerCells = rows[1].QuerySelectorAll("[data-testid=matrix-cell]");
        Assert.Contains("[0.850, 0.900]", layerCells[0].TextContent);
        Assert.Contains("Δ +11.9 [+10.1, +13.6]", layerCells[0].TextContent);
        Assert.NotNull(layerCells[0].QuerySelector("[data-testid=significant]"));
        Assert.Contains("Δ \u22122.0 [\u22125.0, +1.0]", layerCells[1].TextContent);
        Assert.Null(layerCells[1].QuerySelector("[data-testid=significant]"));
        Assert.Single(matrix.QuerySelectorAll("[data-testid=significant]"));
        Assert.Equal(2, rows[0].QuerySelectorAll("[data-testid=matrix-baseline]").Length);
        Assert.Contains("Holm-corrected p < 0.05", panel.Find("[data-testid=matrix-legend]").TextContent);
    }

    [Fact]
    public void BarOf_RunWithCi_AsymmetricCiErrorBarElseSeedStd()
    {
        var view = TwoEmbedders();
        var withCi = MetricBarChart.BarOf(view.Runs[0]);
        Assert.True(withCi.IsCi);
        Assert.Equal(0.053, withCi.Up, 6);
        Assert.Equal(0.052, withCi.Down, 6);

        var old = MetricBarChart.BarOf(view.Runs[0] with { Score = null });
        Assert.False(old.IsCi);
        Assert.Equal(0.01, old.Up, 6);
        Assert.Contains("std across seeds", old.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatDelta_SignificantComparison_PointsWithCiAndMark()
    {
        var view = TwoEmbedders();
        Assert.Equal("+11.9 [+10.1, +13.6] *", ExperimentResultPage.FormatDelta(view.Runs[1]));
        Assert.Equal("\u22122.0 [\u22125.0, +1.0]", ExperimentResultPage.FormatDelta(view.Runs[3]));
        Assert.Equal("", ExperimentResultPage.FormatDelta(view.Runs[0]));
    }
}
