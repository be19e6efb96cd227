using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Pages.Layers;

/// <summary>One model's value at each layer (index 0 = the embedding layer).</summary>
public sealed record LayerSeries(string Name, IReadOnlyList<double> Values);

/// <summary>Figures against layer, one line with markers per model; redrawn only when the series change.</summary>
public partial class LayerCurveChart
{
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private readonly List<ITrace> _traces = [];
    private PlotlyChart? _chart;
    private string _signature = "";
    private global::Plotly.Blazor.Layout _layout = new();

    [Parameter, EditorRequired]
    public required IReadOnlyList<LayerSeries> Series { get; set; }

    [Parameter, EditorRequired]
    public required string ChartId { get; set; }

    [Parameter, EditorRequired]
    public required string Title { get; set; }

    [Parameter, EditorRequired]
    public required string YTitle { get; set; }

    protected override void OnParametersSet()
    {
        _layout = new global::Plotly.Blazor.Layout
        {
            Title = new Title { Text = Title },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "layer (0 = embedding layer)" }, DTick = 1 }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = YTitle } }],
            Height = 360,
        };
        _traces.Clear();
        _traces.AddRange(Series.Select(s => (ITrace)new Scatter
        {
            Name = s.Name,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            X = Enumerable.Range(0, s.Values.Count).Select(i => (object)i).ToList(),
            Y = s.Values.Select(v => (object)v).ToList(),
        }));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var signature = string.Join(";", Series.Select(s => $"{s.Name}:{string.Join(',', s.Values)}"));
        if (!firstRender && _chart is not null && signature != _signature) await _chart.React();
        _signature = signature;
    }
}
