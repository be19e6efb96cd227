using System.Globalization;
using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Charts;

/// <summary>
/// Grouped bars: one group per dataset, one bar per embedder, height = primary metric, error bar =
/// standard deviation across seeds/folds (a single split can mislead by several points).
/// </summary>
public partial class MetricBarChart
{
    private PlotlyChart? _chart;
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private readonly global::Plotly.Blazor.Layout _layout = new()
    {
        BarMode = BarModeEnum.Group,
        Title = new Title { Text = "Primary metric per dataset (mean ± std across seeds)" },
        Height = 420,
    };

    private readonly List<ITrace> _data = [];
    private string _signature = "";

    [Parameter, EditorRequired]
    public required IReadOnlyList<RunView> Runs { get; set; }

    [Parameter]
    public string ChartId { get; set; } = "metric-bars";

    protected override void OnParametersSet() => ReplaceTraces();

    // The chart keeps a reference to this list: refill it, then Plotly.react updates the plot in place.
    private void ReplaceTraces()
    {
        _data.Clear();
        _data.AddRange(BuildTraces(Runs));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Update the existing plot in place (Plotly.react) only when the finished results changed.
        var signature = Signature(Runs);
        if (!firstRender && _chart is not null && signature != _signature)
        {
            await _chart.React();
        }

        _signature = signature;
    }

    internal static IList<ITrace> BuildTraces(IReadOnlyList<RunView> runs)
    {
        var finished = runs.Where(r => r.Primary is not null).ToList();
        var groups = finished.Select(Group).Distinct().ToList();
        return finished.GroupBy(r => r.EmbedderName).Select(g =>
        {
            var byGroup = g.ToDictionary(Group, r => r.Primary!);
            return (ITrace)new Bar
            {
                Name = g.Key,
                X = groups.Cast<object>().ToList(),
                Y = groups.Select(x => byGroup.TryGetValue(x, out var m) ? (object)m.Value : null!).ToList(),
                ErrorY = new Plotly.Blazor.Traces.BarLib.ErrorY
                {
                    Type = Plotly.Blazor.Traces.BarLib.ErrorYLib.TypeEnum.Data,
                    Array = groups.Select(x => byGroup.TryGetValue(x, out var m) ? (object)(m.Std ?? 0) : 0).ToList(),
                    Visible = true,
                },
            };
        }).ToList();
    }

    private static string Group(RunView r) => $"{r.DatasetName} ({r.Primary?.Name})";

    private static string Signature(IReadOnlyList<RunView> runs) => string.Join(";", runs
        .Where(r => r.Primary is not null)
        .Select(r => $"{r.Id}:{r.Primary!.Value.ToString("R", CultureInfo.InvariantCulture)}"));
}
