using EmbedDashboard.Training;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Charts;

/// <summary>One named loss curve.</summary>
public sealed record LossSeries(string Name, IReadOnlyList<LossPoint> Points);

/// <summary>
/// Training loss against optimiser step, one line per job. Updated in place (Plotly.react) only when
/// a curve gained points, so a page re-rendering for progress ticks does not redraw it.
/// </summary>
public partial class LossCurveChart
{
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private readonly List<ITrace> _traces = [];
    private PlotlyChart? _chart;
    private string _signature = "";
    private global::Plotly.Blazor.Layout _layout = new();

    [Parameter, EditorRequired]
    public required IReadOnlyList<LossSeries> Series { get; set; }

    [Parameter]
    public string ChartId { get; set; } = "loss";

    [Parameter]
    public string Title { get; set; } = "Training loss";

    protected override void OnParametersSet()
    {
        _layout = new global::Plotly.Blazor.Layout
        {
            Title = new Title { Text = Title },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "step (examples for the embedding layer, batches for fine-tuning)" } }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "loss (window mean)" } }],
            Height = 380,
        };
        _traces.Clear();
        _traces.AddRange(Series.Select(s => (ITrace)new Scatter
        {
            Name = s.Name,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            X = s.Points.Select(p => (object)p.Step).ToList(),
            Y = s.Points.Select(p => (object)p.Loss).ToList(),
        }));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var signature = string.Join(";", Series.Select(s => $"{s.Name}:{s.Points.Count}"));
        if (!firstRender && _chart is not null && signature != _signature) await _chart.React();
        _signature = signature;
    }
}
