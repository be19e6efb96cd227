using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Charts;

/// <summary>
/// Primary metric against embedding dimension (log₂ axis), one line per dataset: the dimensionality
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

    /// <summary>Worth showing when some dataset has runs at two or more dimensions.</summary>
    public static bool Applies(IReadOnlyList<RunView> runs) => runs
        .Where(r => r.Primary is not null && r.Efficiency is not null)
        .GroupBy(r => r.DatasetName)
        .Any(g => g.Select(r => r.Efficiency!.Dimension).Distinct().Count() > 1);

    protected override IEnumerable<ITrace> BuildTraces(IReadOnlyList<RunView> runs) => runs
        .Where(r => r.Primary is not null && r.Efficiency is { Dimension: > 0 })
        .GroupBy(r => r.DatasetName)
        .Select(g =>
        {
            var points = g.OrderBy(r => r.Efficiency!.Dimension).ToList();
            return (ITrace)new Scatter
            {
                Name = g.Key,
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                X = points.Select(r => (object)r.Efficiency!.Dimension).ToList(),
                Y = points.Select(r => (object)r.Primary!.Value).ToList(),
                TextArray = points.Select(r => $"{r.EmbedderName}: {r.Primary!.Value:0.000}, {r.Efficiency!.TextsPerSecond:N0} texts/s").ToList(),
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Text,
            };
        });
}
