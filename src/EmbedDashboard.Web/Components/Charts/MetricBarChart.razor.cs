using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Charts;

/// <summary>
/// Grouped bars: one group per dataset, one bar per embedder, height = primary metric on the common items, error bar =
/// its 95% bootstrap CI over the test items when the run has one, else the standard deviation across seeds/folds
/// (labelled as such: it says nothing about test-set noise).
/// </summary>
public partial class MetricBarChart
{
    private readonly global::Plotly.Blazor.Layout _layout = new()
    {
        BarMode = BarModeEnum.Group,
        Title = new Title { Text = TitleFor(true, false) },
        Height = 420,
    };

    [Parameter]
    public string ChartId { get; set; } = "metric-bars";

    /// <summary>A bar's height and error bar: the CI when there is one (asymmetric), else ± seed std.</summary>
    internal sealed record BarValue(double Value, double Up, double Down, bool IsCi, string Label);

    internal static BarValue BarOf(RunView run)
    {
        if (run.Score is { } s && !double.IsNaN(s.Value) && !double.IsNaN(s.CiLow) && !double.IsNaN(s.CiHigh))
        {
            return new BarValue(s.Value, Math.Max(0, s.CiHigh - s.Value), Math.Max(0, s.Value - s.CiLow), true,
                $"{run.EmbedderName}: {s.Value:0.000} [95% CI {s.CiLow:0.000}, {s.CiHigh:0.000}]");
        }

        var p = run.Primary!;
        var std = p.Std ?? 0;
        return new BarValue(p.Value, std, std, false,
            p.Std is null ? $"{run.EmbedderName}: {p.Value:0.000}" : $"{run.EmbedderName}: {p.Value:0.000} ± {std:0.000} (std across seeds)");
    }

    internal static string TitleFor(bool anyCi, bool anyStd) => (anyCi, anyStd) switch
    {
        (true, false) => "Primary metric per dataset (error bars: 95% bootstrap CI)",
        (false, _) => "Primary metric per dataset (error bars: std across seeds)",
        _ => "Primary metric per dataset (error bars: 95% bootstrap CI; std across seeds where no CI)",
    };

    protected override IEnumerable<ITrace> BuildTraces(IReadOnlyList<RunView> runs)
    {
        var finished = runs.Where(r => r.Primary is not null).ToList();
        var groups = finished.Select(Group).Distinct().ToList();
        var bars = finished.ToDictionary(r => r.Id, BarOf);
        _layout.Title = new Title { Text = TitleFor(bars.Values.Any(b => b.IsCi), bars.Values.Any(b => !b.IsCi)) };
        return finished.GroupBy(r => r.EmbedderName).Select(g =>
        {
            var byGroup = g.GroupBy(Group).ToDictionary(x => x.Key, x => bars[x.Last().Id]);
            object Pick(string x, Func<BarValue, double> f) => byGroup.TryGetValue(x, out var b) ? f(b) : 0;
            return (ITrace)new Bar
            {
                Name = g.Key,
                X = groups.Cast<object>().ToList(),
                Y = groups.Select(x => byGroup.TryGetValue(x, out var b) ? (object)b.Value : null!).ToList(),
                HoverTextArray = groups.Select(x => byGroup.TryGetValue(x, out var b) ? b.Label : "").ToList(),
                ErrorY = new Plotly.Blazor.Traces.BarLib.ErrorY
                {
                    Type = Plotly.Blazor.Traces.BarLib.ErrorYLib.TypeEnum.Data,
                    Symmetric = false,
                    Array = groups.Select(x => Pick(x, b => b.Up)).ToList(),
                    ArrayMinus = groups.Select(x => Pick(x, b => b.Down)).ToList(),
                    Visible = true,
                },
            };
        }).ToList();
    }

    private static string Group(RunView r) => $"{r.DatasetName} ({r.Primary?.Name})";
}
