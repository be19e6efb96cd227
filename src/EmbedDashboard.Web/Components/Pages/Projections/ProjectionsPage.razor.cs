using EmbedDashboard.Web.Components.Sharing;
using EmbedDashboard.Core.Datasets;
using System.Globalization;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Probes;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Probes;
using EmbedDashboard.Runner.Projections;
using EmbedDashboard.Runner.Sharing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace EmbedDashboard.Web.Components.Pages.Projections;

public partial class ProjectionsPage : IDisposable
{
    internal const string ShareKind = "projections";
    private IReadOnlyList<DatasetInfo> _datasets = [];
    private readonly List<Panel> _panels = [];
    private IReadOnlyList<string> _problems = [];
    private IReadOnlyCollection<string> _embedders = [];
    private IReadOnlyList<NeighbourList> _neighbourLists = [];
    private IReadOnlyList<string>? _fullTexts;
    private IDisposable? _subscription;
    private int _datasetId;
    private ProjectionMethod _method = ProjectionMethod.Pca;
    private int _components = 2;
    private int _maxPoints = 2000;
    private double _perplexity = 30;
    private int _neighbours = 15;
    private double _minDist = 0.1;
    private int? _selectedItem;
    private string? _selectedText;
    private string _compareWith = "";
    private int _churnK = 10;
    private ColourMode _colour = ColourMode.Label;

    /// <summary>How the plots colour their points.</summary>
    internal enum ColourMode
    {
        Label,
        /// <summary>Each point's neighbour overlap with the comparison embedder, on a 0..1 scale.</summary>
        Overlap,
    }

    private sealed class Panel(string embedderId)
    {
        public string EmbedderId { get; } = embedderId;
        public int ProjectionId { get; set; }
        public RunStatus Status { get; set; } = RunStatus.Queued;
        public double Progress { get; set; }
        public string? Message { get; set; }
        public ProjectionView? View { get; set; }

        /// <summary>The churn's overlap by item, built once per view so the plot sees the same instance until it changes.</summary>
        public IReadOnlyDictionary<int, double>? Overlap { get; set; }

        public MovedItemsModel? Moved { get; set; }
    }

    [Inject]
    public required DatasetCatalog Datasets { get; set; }

    [Inject]
    public required ProjectionService Projections { get; set; }

    [Inject]
    public required NeighbourProbeService Neighbours { get; set; }

    [Inject]
    public required ChurnErrorService ChurnErrors { get; set; }

    [Inject]
    public required SharingService Sharing { get; set; }

    [Inject]
    public required JobHub Hub { get; set; }

    [Inject]
    public required IEmbedderRegistry Registry { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    /// <summary>Set only by the share route (/s/&lt;token&gt;): the page shows this link's frozen state, read-only, whatever the address says.</summary>
    [Parameter]
    public EmbedDashboard.Runner.Sharing.ShareLink? Frozen { get; set; }

    private bool ReadOnly => Frozen is not null;

    protected override async Task OnInitializedAsync()
    {
        _datasets = await Datasets.ListAsync([Core.Datasets.TaskKind.Classification, Core.Datasets.TaskKind.FaqRetrieval]);
        // A shared view reads only its link's frozen state; the address (which a holder can edit) is ignored.
        var query = Frozen is not null ? FrozenState.QueryOf(Frozen.State) : new Uri(Navigation.Uri).Query;
        ApplyState(QueryHelpers.ParseQuery(query));
        _subscription = Hub.Subscribe(JobKind.Projection, OnUpdate);
        // Auto-run only once interactive: during the static prerender a navigation would become a redirect.
        if (RendererInfo.IsInteractive && (ReadOnly || QueryHelpers.ParseQuery(query).ContainsKey("run"))) await ProjectAsync();
    }

    /// <summary>
    /// Reads ?dataset=&amp;embedders=&amp;method=&amp;c=&amp;max=&amp;perplexity=&amp;neighbours=&amp;mindist=&amp;compare=&amp;churnk=&amp;colour=
    /// (names, so links survive re-imports).
    /// </summary>
    private void ApplyState(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> q)
    {
        string? Get(string key) => q.TryGetValue(key, out var v) ? v.ToString() : null;
        var dataset = Get("dataset");
        _datasetId = (_datasets.FirstOrDefault(d => d.Name == dataset) ?? (int.TryParse(dataset, out var id) ? _datasets.FirstOrDefault(d => d.Id == id) : null) ?? _datasets.FirstOrDefault())?.Id ?? 0;
        var installed = Registry.Installed.Select(e => e.Id).ToList();
        var wanted = (Get("embedders") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Where(installed.Contains).ToList();
        _embedders = wanted.Count > 0 ? wanted : installed.Take(2).ToList();
        if (Enum.TryParse<ProjectionMethod>(Get("method"), ignoreCase: true, out var method)) _method = method;
        if (int.TryParse(Get("c"), out var c) && c is 2 or 3) _components = c;
        if (int.TryParse(Get("max"), out var max) && max > 0) _maxPoints = max;
        if (double.TryParse(Get("perplexity"), NumberStyles.Float, CultureInfo.InvariantCulture, out var p)) _perplexity = p;
        if (int.TryParse(Get("neighbours"), out var n)) _neighbours = n;
        if (double.TryParse(Get("mindist"), NumberStyles.Float, CultureInfo.InvariantCulture, out var md)) _minDist = md;
        _compareWith = Get("compare") is { } compare && installed.Contains(compare) ? compare : "";
        if (int.TryParse(Get("churnk"), out var k)) _churnK = k;
        _colour = _compareWith != "" && Enum.TryParse<ColourMode>(Get("colour"), ignoreCase: true, out var colour) ? colour : ColourMode.Label;
    }

    private string StateQuery()
    {
        var dataset = _datasets.FirstOrDefault(d => d.Id == _datasetId)?.Name ?? "";
        var parts = new Dictionary<string, string?>
        {
            ["dataset"] = dataset,
            ["embedders"] = string.Join(',', _embedders),
            ["method"] = _method.ToString(),
            ["c"] = _components.ToString(CultureInfo.InvariantCulture),
            ["max"] = _maxPoints.ToString(CultureInfo.InvariantCulture),
        };
        if (_method == ProjectionMethod.Tsne) parts["perplexity"] = _perplexity.ToString(CultureInfo.InvariantCulture);
        if (_method == ProjectionMethod.Umap)
        {
            parts["neighbours"] = _neighbours.ToString(CultureInfo.InvariantCulture);
            parts["mindist"] = _minDist.ToString(CultureInfo.InvariantCulture);
        }

        if (_compareWith != "")
        {
            parts["compare"] = _compareWith;
            parts["churnk"] = _churnK.ToString(CultureInfo.InvariantCulture);
            parts["colour"] = _colour.ToString();
        }

        return QueryHelpers.AddQueryString("", parts);
    }

    private async Task ProjectAsync()
    {
        _problems = [];
        _panels.Clear();
        _selectedItem = null;
        _neighbourLists = [];
        _fullTexts = null;
        // Keep the address in step with the form, so the view can be bookmarked or linked.
        var address = Navigation.ToAbsoluteUri("projections" + StateQuery() + "&run=1").ToString();
        if (!ReadOnly && address != Navigation.Uri) Navigation.NavigateTo(address, new NavigationOptions { ReplaceHistoryEntry = true });
        var problems = new List<string>();
        foreach (var embedder in _embedders)
        {
            var panel = new Panel(embedder);
            try
            {
                var entity = await Projections.RequestAsync(new ProjectionRequest
                {
                    DatasetId = _datasetId,
                    EmbedderId = embedder,
                    Method = _method,
                    Components = _components,
                    MaxPoints = _maxPoints,
                    Perplexity = _perplexity,
                    Neighbours = _neighbours,
                    MinDist = _minDist,
                    // The comparison embedder's own panel has nothing to compare with itself; it borrows another panel's overlap.
                    CompareWith = _compareWith != "" && _compareWith != embedder ? _compareWith : null,
                    ChurnK = _churnK,
                });
                panel.ProjectionId = entity.Id;
                panel.Status = entity.Status;
                panel.Message = entity.Message;
                _panels.Add(panel);
                if (entity.Status == RunStatus.Done) await ShowAsync(panel, fromCache: true);
            }
            catch (ProjectionRequestException ex)
            {
                problems.Add($"{Name(embedder)}: {ex.Message}");
            }
        }

        _problems = problems.Distinct().ToList();
    }

    private void OnUpdate(JobUpdate update)
    {
        var panel = _panels.FirstOrDefault(p => p.ProjectionId == update.Id);
        if (panel is null) return;
        _ = InvokeAsync(async () =>
        {
            panel.Status = update.Status;
            panel.Progress = update.Progress;
            panel.Message = update.Message;
            if (update.Status == RunStatus.Done) await ShowAsync(panel, fromCache: false);
            StateHasChanged();
        });
    }

    /// <summary>Loads a finished projection into its panel, with its churn's overlaps and the moved items linked to both embedders' errors.</summary>
    private async Task ShowAsync(Panel panel, bool fromCache)
    {
        panel.View = await Projections.LoadAsync(panel.ProjectionId, fromCache);
        if (panel.View?.Churn is not { } churn) return;
        panel.Overlap = churn.Overlaps.ToDictionary(o => o.Item, o => o.Overlap);
        var texts = panel.View.Points.ToDictionary(p => p.Item, p => p.Text);
        // The moved items without errors first: another panel's update may render while the runs' predictions load.
        panel.Moved = MovedItemsModel.From(churn, texts, null);
        panel.Moved = MovedItemsModel.From(churn, texts, await ChurnErrors.ForAsync(_datasetId, churn));
    }

    /// <summary>Colour changes only re-colour the plots (and keep the address in step); nothing is recomputed.</summary>
    private void SetColour(ColourMode colour)
    {
        _colour = colour;
        if (ReadOnly) return;
        var address = Navigation.ToAbsoluteUri("projections" + StateQuery() + "&run=1").ToString();
        if (address != Navigation.Uri) Navigation.NavigateTo(address, new NavigationOptions { ReplaceHistoryEntry = true });
    }

    /// <summary>
    /// The overlap a panel is coloured by: its own churn, or — for the comparison embedder's own panel — the first
    /// other panel's (overlap is symmetric: A's neighbours shared with B are B's shared with A).
    /// </summary>
    private (IReadOnlyDictionary<int, double>? Overlap, string? Title) OverlapOf(Panel panel)
    {
        if (_colour != ColourMode.Overlap) return (null, null);
        if (panel.Overlap is { } own) return (own, $"overlap with {Name(_compareWith)}");
        var other = _panels.FirstOrDefault(p => p.Overlap is not null && p.View?.Churn?.Second.Id == panel.EmbedderId);
        return other is null ? (null, null) : (other.Overlap, $"overlap with {Name(other.EmbedderId)}");
    }

    private async Task CancelAsync(Panel panel) => await Projections.CancelAsync(panel.ProjectionId);

    private async Task SelectAsync(int item)
    {
        _selectedItem = item;
        _fullTexts ??= await Projections.TextsAsync(_datasetId);
        _selectedText = item < _fullTexts.Count ? _fullTexts[item] : null;
        if (_selectedText is null) return;
        StateHasChanged();
        _neighbourLists = await Neighbours.QueryAsync(_selectedText, 5, $"dataset:{_datasetId}", _panels.Select(p => p.EmbedderId).ToList());
    }

    private IReadOnlySet<int> NeighbourItemsOf(string embedderId)
    {
        var list = _neighbourLists.FirstOrDefault(l => l.EmbedderId == embedderId);
        if (list is null || _fullTexts is null) return new HashSet<int>();
        var labels = list.Neighbours.Select(n => n.Label).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, _fullTexts.Count).Where(i => labels.Contains(_fullTexts[i])).ToHashSet();
    }

    private string DatasetLabel(int id) => _datasets.FirstOrDefault(d => d.Id == id) is { } d ? $"{d.Name} ({d.ItemCount:N0})" : "";

    private string Name(string? id) => Registry.Installed.FirstOrDefault(e => e.Id == id)?.DisplayName ?? id ?? "";

    private static string Short(string text) => text.Length > 140 ? text[..140] + "…" : text;

    private static string Caption(ProjectionView v)
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Showing {v.Points.Count:N0} of {v.TotalItems:N0} items{(v.Points.Count + v.Missing < v.TotalItems ? " (seeded sample)" : "")}{(v.Missing > 0 ? $", {v.Missing:N0} without a vector" : "")}."),
            string.Create(CultureInfo.InvariantCulture, $"{MethodName(v.Method)} {v.ProjectTime.TotalSeconds:0.0} s, embedding {v.EmbedTime.TotalSeconds:0.0} s{(v.FromCache ? " (cached)" : "")}."),
        };
        if (v.Figures.TryGetValue("explained_variance", out var ev)) parts.Add(string.Create(CultureInfo.InvariantCulture, $"Explained variance {ev:P1}."));
        if (v.Churn is { } churn)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Neighbour overlap with {churn.Second.Name} (k = {churn.K}): mean {churn.MeanOverlap:0.000} over {churn.Items:N0} items."));
        }

        if (v.Figures.TryGetValue("trustworthiness_k10", out var t))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Trustworthiness@10 {t:0.000} (on {v.Figures.GetValueOrDefault("trustworthiness_points"):N0} points: 1 = every 2-D neighbour is a true neighbour)."));
        }

        return string.Join(" ", parts);
    }

    private static string MethodName(ProjectionMethod method) => method switch
    {
        ProjectionMethod.Tsne => "t-SNE",
        ProjectionMethod.Umap => "UMAP",
        _ => "PCA",
    };

    public void Dispose() => _subscription?.Dispose();
}
