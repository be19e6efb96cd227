using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Charts;

/// <summary>
/// Primary metric against embedding dimension (log₂ axis), one line per dataset and base model: the dimensionality
/// trade-off of PCA-reduced variants next to their full-size base; marker text names the embedder.
/// </summary>
public partial class DimensionChart
{
    private readonly global::Plotly.Blazor.Layout _layout = new()
    {
        Title = new Title { Text = "Accuracy vs dimension" },
        XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log, Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "dimension (log)" } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "primary metric" } }],
        Height = 420,
    };

    [Parameter]
    public string ChartId { get; set; } = "dimension";

    /// <summary>
    /// The base model a run's embedder was derived from (a PCA reduction's base, frozen in its reproducibility record),
    /// else the embedder itself: a sweep is one base at several dimensions, never two unrelated models.
    /// </summary>
    internal static string BaseOf(RunView run) => run.Repro?.BaseEmbedderId ?? run.EmbedderId;

    private static IEnumerable<IGrouping<(string Dataset, string Base), RunView>> Sweeps(IReadOnlyList<RunView> runs) => runs
        .Where(r => r.Primary is not null && r.Efficiency is { Dimension: > 0 })
        .GroupBy(r => (r.DatasetName, BaseOf(r)))
        .Where(g => g.Select(r => r.Efficiency!.Dimension).Distinct().Count() > 1);

    /// <summary>Worth showing only for a real dimension sweep: on some dataset, one base model at two or more dimensions.</summary>
    public static bool Applies(IReadOnlyList<RunView> runs) => Sweeps(runs).Any();

    protected override IEnumerable<ITrace> BuildTraces(IReadOnlyList<RunView> runs) => Sweeps(runs)
        .Select(g =>
        {
            var points = g.OrderBy(r => r.Efficiency!.Dimension).ToList();
            var baseName = points.FirstOrDefault(r => r.EmbedderId == g.Key.Base)?.EmbedderName ?? g.Key.Base;
            return (ITrace)new Scatter
            {
                Name = $"{g.Key.Dataset} · {baseName}",
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                X = points.Select(r => (object)r.Efficiency!.Dimension).ToList(),
                Y = points.Select(r => (object)(r.Score?.Value ?? r.Primary!.Value)).ToList(),
                TextArray = points.Select(r => $"{r.EmbedderName}: {r.Score?.Value ?? r.Primary!.Value:0.000}, {r.Efficiency!.TextsPerSecond:N0} texts/s").ToList(),
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Text,
            };
        });
}
