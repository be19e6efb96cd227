using System.Globalization;
using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace EmbedDashboard.Web.Components.Charts;

/// <summary>
/// A Plotly chart over an experiment's runs that is updated in place (Plotly.react) when finished
/// results change, never rebuilt: progress ticks re-render the page but leave the chart alone.
/// </summary>
public abstract class RunChartBase : ComponentBase
{
    private string _signature = "";

    protected PlotlyChart? Chart { get; set; }

    protected Config ChartConfig { get; } = new() { Responsive = true, DisplayLogo = false };

    // The chart keeps a reference to this list: it is refilled, never replaced.
    protected List<ITrace> Traces { get; } = [];

    [Parameter, EditorRequired]
    public required IReadOnlyList<RunView> Runs { get; set; }

    protected abstract IEnumerable<ITrace> BuildTraces(IReadOnlyList<RunView> runs);

    protected override void OnParametersSet()
    {
        Traces.Clear();
        Traces.AddRange(BuildTraces(Runs));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var signature = string.Join(";", Runs.Where(r => r.Primary is not null)
            .Select(r => $"{r.Id}:{r.Primary!.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        if (!firstRender && Chart is not null && signature != _signature)
        {
            await Chart.React();
        }

        _signature = signature;
    }
}
