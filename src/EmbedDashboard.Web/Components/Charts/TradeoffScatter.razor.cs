using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Charts;

/// <summary>Accuracy against throughput (texts/s, log axis): the efficiency trade-off, one marker per run.</summary>
public partial class TradeoffScatter
{
    private readonly global::Plotly.Blazor.Layout _layout = new()
    {
        Title = new Title { Text = "Accuracy vs throughput" },
        XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log, Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "texts per second (log)" } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "primary metric" } }],
        Height = 420,
    };

    [Parameter]
    public string ChartId { get; set; } = "tradeoff";

    protected override IEnumerable<ITrace> BuildTraces(IReadOnlyList<RunView> runs) => runs
        .Where(r => r.Primary is not null && r.Efficiency is { TextsPerSecond: > 0 })
        .GroupBy(r => r.EmbedderName)
        .Select(g => (ITrace)new Scatter
        {
            Name = g.Key,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Text,
            X = g.Select(r => (object)r.Efficiency!.TextsPerSecond).ToList(),
            Y = g.Select(r => (object)r.Primary!.Value).ToList(),
            TextArray = g.Select(r => r.DatasetName).ToList(),
            TextPosition = Plotly.Blazor.Traces.ScatterLib.TextPositionEnum.TopCenter,
        });
}
