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
    private readonly global::Plotly.Blazor.Layout _layout = new()
    {
        BarMode = BarModeEnum.Group,
        Title = new Title { Text = "Primary metric per dataset (mean ± std across seeds)" },
        Height = 420,
    };

    [Parameter]
    public string ChartId { get; set; } = "metric-bars";

    protected override IEnumerable<ITrace> BuildTraces(IReadOnlyList<RunView> runs)
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
}
