using System.Globalization;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Projections;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace EmbedDashboard.Web.Components.Pages.Projections;

public partial class ProjectionsPage
{
    private IReadOnlyList<DatasetEntity> _datasets = [];
    private readonly List<ProjectionView> _views = [];
    private readonly Dictionary<string, (global::Plotly.Blazor.Layout Layout, IList<ITrace> Traces)> _charts = [];
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private int _datasetId;
    private int _maxPoints = 2000;
    private int _components = 2;
    private bool _busy;
    private string? _error;

    [Inject]
    public required DatasetStore Datasets { get; set; }

    [Inject]
    public required ProjectionService Projections { get; set; }

    [Inject]
    public required IEmbedderRegistry Registry { get; set; }

    /// <summary>Dataset name from the address (/projections?dataset=…&amp;max=…), so a view can be linked.</summary>
    [SupplyParameterFromQuery(Name = "dataset")]
    public string? DatasetName { get; set; }

    [SupplyParameterFromQuery(Name = "max")]
    public int? MaxPoints { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _datasets = (await Datasets.ListAsync()).Where(d => d.Task is Core.Datasets.TaskKind.Classification or Core.Datasets.TaskKind.FaqRetrieval).ToList();
        _datasetId = (_datasets.FirstOrDefault(d => d.Name == DatasetName) ?? _datasets.FirstOrDefault())?.Id ?? 0;
        if (MaxPoints is > 0) _maxPoints = MaxPoints.Value;
    }

    private async Task ProjectAsync()
    {
        _busy = true;
        _error = null;
        _views.Clear();
        _charts.Clear();
        try
        {
            foreach (var embedder in Registry.Installed.Take(2))
            {
                var view = await Projections.ProjectAsync(_datasetId, embedder.Id, _components, _maxPoints, seed: 13);
                _charts[view.EmbedderId] = (Layout(view), Traces(view));
                _views.Add(view);
                StateHasChanged();
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private global::Plotly.Blazor.Layout LayoutFor(ProjectionView view) => _charts[view.EmbedderId].Layout;

    private IList<ITrace> TracesFor(ProjectionView view) => _charts[view.EmbedderId].Traces;

    private static global::Plotly.Blazor.Layout Layout(ProjectionView view) => new() { Height = 480, ShowLegend = true };

    private static IList<ITrace> Traces(ProjectionView view) => view.Points.GroupBy(p => p.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => view.Components == 3
        ? (ITrace)new Scatter3D
        {
            Name = g.Key,
            Mode = Plotly.Blazor.Traces.Scatter3DLib.ModeFlag.Markers,
            X = g.Select(p => (object)p.X).ToList(), Y = g.Select(p => (object)p.Y).ToList(), Z = g.Select(p => (object)p.Z).ToList(),
            TextArray = g.Select(p => p.Text).ToList(),
            Marker = new Plotly.Blazor.Traces.Scatter3DLib.Marker { Size = 2 },
        }
        : new ScatterGl
        {
            Name = g.Key,
            Mode = Plotly.Blazor.Traces.ScatterGlLib.ModeFlag.Markers,
            X = g.Select(p => (object)p.X).ToList(), Y = g.Select(p => (object)p.Y).ToList(),
            TextArray = g.Select(p => p.Text).ToList(),
            Marker = new Plotly.Blazor.Traces.ScatterGlLib.Marker { Size = 4 },
        }).ToList();

    private string Name(string id) => Registry.Installed.FirstOrDefault(e => e.Id == id)?.DisplayName ?? id;

    private static string Caption(ProjectionView v) => string.Create(CultureInfo.InvariantCulture,
        $"Showing {v.Points.Count:N0} of {v.TotalItems:N0} items{(v.Points.Count < v.TotalItems ? " (seeded sample)" : "")}{(v.Missing > 0 ? $", {v.Missing} without a vector" : "")}. " +
        $"Explained variance: {string.Join(" + ", v.ExplainedVarianceRatio.Select(r => r.ToString("P1", CultureInfo.InvariantCulture)))}. " +
        $"Embedding {v.EmbedTime.TotalSeconds:0.0} s, PCA {v.ProjectTime.TotalMilliseconds:0} ms.");
}
