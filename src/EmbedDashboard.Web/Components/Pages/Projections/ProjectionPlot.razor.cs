using EmbedDashboard.Runner.Projections;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Interop;
using Plotly.Blazor.Traces;

namespace EmbedDashboard.Web.Components.Pages.Projections;

/// <summary>
/// One projection as a Plotly scatter (WebGL in 2-D), one trace per label — or, coloured by neighbour overlap, one
/// trace on a continuous 0..1 scale and one of the points not compared — plus two overlay traces:
/// the selected item and its neighbours. A click reports the item; selection changes update the chart
/// in place (Plotly.react) instead of redrawing the page. SVG download of exactly what is shown.
/// </summary>
public partial class ProjectionPlot
{
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private readonly List<ITrace> _traces = [];
    private readonly List<List<ProjectedPoint>> _pointsByTrace = [];
    private global::Plotly.Blazor.Layout _layout = new();
    private PlotlyChart? _chart;
    private bool _subscribed;
    private ProjectionView? _builtFor;
    private IReadOnlyDictionary<int, double>? _colouredBy;
    private string _selectionSignature = "";

    [Inject]
    public required Microsoft.JSInterop.IJSRuntime JS { get; set; }

    [Parameter, EditorRequired]
    public required ProjectionView View { get; set; }

    [Parameter, EditorRequired]
    public required string Title { get; set; }

    [Parameter]
    public int? SelectedItem { get; set; }

    [Parameter]
    public IReadOnlySet<int> NeighbourItems { get; set; } = new HashSet<int>();

    [Parameter]
    public EventCallback<int> OnItemClicked { get; set; }

    /// <summary>Colour by this per-item neighbour overlap (0..1) instead of by label; null: by label.</summary>
    [Parameter]
    public IReadOnlyDictionary<int, double>? Overlap { get; set; }

    /// <summary>The colour bar's title in overlap mode, e.g. "overlap with GloVe".</summary>
    [Parameter]
    public string? OverlapTitle { get; set; }

    private string ChartId => $"projection-{View.Id}";

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_builtFor, View) || !ReferenceEquals(_colouredBy, Overlap))
        {
            if (!ReferenceEquals(_builtFor, View)) _layout = new global::Plotly.Blazor.Layout { Height = 480, ShowLegend = true, HoverMode = Plotly.Blazor.LayoutLib.HoverModeEnum.Closest };
            _builtFor = View;
            _colouredBy = Overlap;
            // In overlap mode the colour bar takes the right margin where the legend sits: the legend goes below the plot.
            _layout.Legend = Overlap is null ? null : [new Plotly.Blazor.LayoutLib.Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H }];
            _pointsByTrace.Clear();
            if (Overlap is { } overlap)
            {
                // Always two traces (compared, not compared), even when one is empty, so click indices stay stable.
                _pointsByTrace.Add(View.Points.Where(p => overlap.ContainsKey(p.Item)).ToList());
                _pointsByTrace.Add(View.Points.Where(p => !overlap.ContainsKey(p.Item)).ToList());
            }
            else
            {
                _pointsByTrace.AddRange(View.Points.GroupBy(p => p.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()));
            }
        }

        _traces.Clear();
        if (Overlap is { } overlaps)
        {
            _traces.Add(OverlapTrace(_pointsByTrace[0], overlaps));
            _traces.Add(Trace("not compared", _pointsByTrace[1], 4, "rgba(150,150,150,0.5)"));
        }
        else
        {
            _traces.AddRange(_pointsByTrace.Select(points => Trace(points[0].Label, points, 4, null)));
        }

        var byItem = View.Points.ToDictionary(p => p.Item);
        var neighbours = NeighbourItems.Where(byItem.ContainsKey).Select(i => byItem[i]).ToList();
        var selected = SelectedItem is { } s && byItem.TryGetValue(s, out var point) ? new List<ProjectedPoint> { point } : [];
        // Overlays last so they draw on top; kept even when empty so trace indices stay stable for clicks.
        _traces.Add(Trace("neighbours", neighbours, 11, "rgba(0,0,0,0.9)"));
        _traces.Add(Trace("selected", selected, 16, "rgb(220,0,0)"));
    }

    private ITrace Trace(string name, IReadOnlyList<ProjectedPoint> points, int size, string? color) =>
        Trace(name, points, size, color, points.Select(p => p.Text).ToList(), null);

    /// <summary>Points coloured by overlap on a fixed 0..1 scale (red = neighbourhood changed, blue = kept), the value on hover.</summary>
    private ITrace OverlapTrace(IReadOnlyList<ProjectedPoint> points, IReadOnlyDictionary<int, double> overlap) =>
        Trace(OverlapTitle ?? "neighbour overlap", points, 5, null,
            points.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"overlap {overlap[p.Item]:0.00} · {p.Text}")).ToList(),
            points.Select(p => (object)overlap[p.Item]).ToList());

    /// <summary>One marker trace; with <paramref name="scaleValues"/>, coloured by them on the overlap scale with a colour bar.</summary>
    private ITrace Trace(string name, IReadOnlyList<ProjectedPoint> points, int size, string? color, IList<string> texts, IList<object>? scaleValues)
    {
        var x = points.Select(p => (object)p.X).ToList();
        var y = points.Select(p => (object)p.Y).ToList();
        if (View.Components == 3)
        {
            var marker = new Plotly.Blazor.Traces.Scatter3DLib.Marker { Size = size / 2m, Color = color };
            if (scaleValues is not null)
            {
                (marker.ColorArray, marker.ColorScale, marker.CMin, marker.CMax, marker.ShowScale) = (scaleValues, OverlapScale, 0, 1, true);
                marker.ColorBar = new Plotly.Blazor.Traces.Scatter3DLib.MarkerLib.ColorBar { Title = new Plotly.Blazor.Traces.Scatter3DLib.MarkerLib.ColorBarLib.Title { Text = "overlap" } };
            }

            return new Scatter3D
            {
                Name = name, Mode = Plotly.Blazor.Traces.Scatter3DLib.ModeFlag.Markers, X = x, Y = y, Z = points.Select(p => (object)p.Z).ToList(), TextArray = texts, Marker = marker,
            };
        }

        var flat = new Plotly.Blazor.Traces.ScatterGlLib.Marker { Size = size, Color = color };
        if (scaleValues is not null)
        {
            (flat.ColorArray, flat.ColorScale, flat.CMin, flat.CMax, flat.ShowScale) = (scaleValues, OverlapScale, 0, 1, true);
            flat.ColorBar = new Plotly.Blazor.Traces.ScatterGlLib.MarkerLib.ColorBar { Title = new Plotly.Blazor.Traces.ScatterGlLib.MarkerLib.ColorBarLib.Title { Text = "overlap" } };
        }

        return new ScatterGl { Name = name, Mode = Plotly.Blazor.Traces.ScatterGlLib.ModeFlag.Markers, X = x, Y = y, TextArray = texts, Marker = flat };
    }

    // Plotly's RdBu runs red (0) to blue (1): items whose neighbours changed stand out in red.
    private const string OverlapScale = "RdBu";

    private void Subscribe()
    {
        if (_subscribed || _chart is null) return;
        _subscribed = true;
        _ = InvokeAsync(() => _chart.SubscribeClickEvent());
    }

    private void OnClick(IEnumerable<EventDataPoint> points)
    {
        var point = points.FirstOrDefault();
        if (AsInt(point?.CurveNumber) is not { } curve || AsInt(point?.PointNumber) is not { } index) return;
        if (curve < _pointsByTrace.Count && index < _pointsByTrace[curve].Count)
        {
            _ = InvokeAsync(() => OnItemClicked.InvokeAsync(_pointsByTrace[curve][index].Item));
        }
    }

    // Plotly.Blazor types these as object: they arrive as JsonElement from the browser.
    internal static int? AsInt(object? value) => value switch
    {
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } e when e.TryGetInt32(out var i) => i,
        IConvertible c => Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // A change of colour mode updates the chart in place like a change of selection (Plotly.react, no redraw of the page).
        var signature = $"{SelectedItem}|{string.Join(',', NeighbourItems.Order())}|{(Overlap is null ? "label" : OverlapTitle)}|{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Overlap)}";
        if (!firstRender && _chart is not null && signature != _selectionSignature) await _chart.React();
        _selectionSignature = signature;
    }

    private async Task DownloadSvgAsync()
    {
        await JS.InvokeAsync<bool>("embedDashboard.downloadPlotSvg", [ChartId, $"projection-{View.Method}-{View.EmbedderId}"]);
    }
}
