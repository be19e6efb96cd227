using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Specs;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

public partial class NewExperimentPage
{
    private IReadOnlyList<DatasetInfo>? _datasets;
    private IReadOnlyList<string> _problems = [];
    private bool _busy;
    private string _name = "My experiment";
    private IReadOnlyCollection<int> _selectedDatasets = [];
    private IReadOnlyCollection<string> _selectedEmbedders = [];
    private int _seeds = new RunOptions().Seeds;
    private int _maxItems = new RunOptions().MaxItems;
    private int _maxTokens = new RunOptions().MaxTokens;
    private int _batchSize = new RunOptions().BatchSize;
    private int _splitSeed = new RunOptions().SplitSeed;
    private Pooling? _pooling;
    private WordContextOptions _wordContext = WordContextOptions.Alone;

    // The word-vector mode applies to word similarity and analogy only, so it is offered only when one is chosen.
    private bool HasWordTask => _datasets?.Any(d => _selectedDatasets.Contains(d.Id) && d.Task is TaskKind.WordSimilarity or TaskKind.Analogy) == true;

    [Inject]
    public required DatasetCatalog Datasets { get; set; }

    [Inject]
    public required IEmbedderRegistry Registry { get; set; }

    [Inject]
    public required ExperimentService Experiments { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    /// <summary>Preselected dataset ids, comma-separated (links from the Datasets page).</summary>
    [SupplyParameterFromQuery(Name = "datasets")]
    public string? PreselectedDatasets { get; set; }

    /// <summary>Preselected embedder ids, comma-separated (links from the Training page); the general ones otherwise.</summary>
    [SupplyParameterFromQuery(Name = "embedders")]
    public string? PreselectedEmbedders { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _datasets = await Datasets.ListAsync();
        var wanted = (PreselectedEmbedders ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        // Without a preselection: the general embedders; task-specific ones are trained for one dataset, so they are added on purpose.
        _selectedEmbedders = Registry.Installed.Where(e => wanted.Count == 0 ? e.IsGeneral : wanted.Contains(e.Id)).Select(e => e.Id).ToList();
        _selectedDatasets = (PreselectedDatasets ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, out var id) ? id : -1)
            .Where(id => _datasets.Any(d => d.Id == id))
            .ToList();
    }

    private string DatasetLabel(int id) =>
        _datasets?.FirstOrDefault(d => d.Id == id) is { } d ? $"{d.Name} · {d.Task} · {d.ItemCount:N0} items" : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string EmbedderLabel(string? id) => Registry.Installed.FirstOrDefault(e => e.Id == id)?.DisplayName ?? id ?? "";

    private async Task RunAsync()
    {
        _busy = true;
        _problems = [];
        try
        {
            var spec = new ExperimentSpec
            {
                Name = _name,
                Datasets = _selectedDatasets.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                Embedders = _selectedEmbedders.ToList(),
                Options = new RunOptions
                {
                    Seeds = _seeds,
                    MaxItems = _maxItems,
                    MaxTokens = _maxTokens,
                    BatchSize = _batchSize,
                    SplitSeed = _splitSeed,
                    Pooling = _pooling,
                    WordContext = HasWordTask ? _wordContext : WordContextOptions.Alone,
                },
            };
            var experiment = await Experiments.CreateAsync(spec);
            Navigation.NavigateTo($"experiments/{experiment.Id}");
        }
        catch (ExperimentSpecException ex)
        {
            _problems = ex.Problems;
        }
        catch (AccessDeniedException ex)
        {
            _problems = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }
}
