using EmbedDashboard.Web.Components.Sharing;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Probes;
using EmbedDashboard.Runner.Probes;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Web.Components.WordContext;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace EmbedDashboard.Web.Components.Pages.Probes;

public partial class ProbesPage
{
    internal const string ShareKind = "probe-neighbours";
    private IReadOnlyList<ProbeVocabulary> _vocabularies = [];
    private IReadOnlyList<NeighbourList>? _results;
    private IReadOnlyList<PairwiseNeighbourDiff> _pairs = [];
    private bool _busy;

    /// <summary>Set only by the share route (/s/&lt;token&gt;): the page shows this link's frozen state, read-only, whatever the address says.</summary>
    [Parameter]
    public EmbedDashboard.Runner.Sharing.ShareLink? Frozen { get; set; }

    private bool ReadOnly => Frozen is not null;

    [Inject]
    public required NeighbourProbeService Probe { get; set; }

    [Inject]
    public required IEmbedderRegistry Registry { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    // Page state lives in the address: /probes?q=ugly&k=10&vocab=words
    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [SupplyParameterFromQuery(Name = "k")]
    public int K { get; set; }

    [SupplyParameterFromQuery(Name = "vocab")]
    public string? Vocabulary { get; set; }

    // The word-vector mode is page state too (…&ctx=IMDB%20reviews%20(built-in)&occ=20), so a link reproduces it.
    [SupplyParameterFromQuery(Name = WordContextQuery.DatasetKey)]
    public string? ContextDataset { get; set; }

    [SupplyParameterFromQuery(Name = WordContextQuery.OccurrencesKey)]
    public int? Occurrences { get; set; }

    [Inject]
    public required DatasetCatalog Catalog { get; set; }

    private readonly WordContextState _wordContext = new();

    private bool WordsVocabulary => Vocabulary == "words";

    // A frozen link wins over the address on every parameter update, so editing the query changes nothing.
    protected override void OnParametersSet()
    {
        if (Frozen is null) return;
        var state = FrozenState.Parse(Frozen.State);
        Query = state.Get("q");
        K = state.GetInt("k") ?? 10;
        Vocabulary = state.Get("vocab");
        (ContextDataset, Occurrences) = WordContextState.FromFrozen(state);
    }

    protected override async Task OnInitializedAsync()
    {
        _vocabularies = await Probe.VocabulariesAsync();
        K = K is > 0 and <= 100 ? K : 10;
        Vocabulary ??= _vocabularies.FirstOrDefault()?.Key;
        await _wordContext.InitializeAsync(Catalog, ContextDataset, Occurrences);
    }

    // A search from the address runs once the circuit is up: during prerendering a navigation would
    // turn into an HTTP redirect.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && !string.IsNullOrWhiteSpace(Query) && Vocabulary is not null)
        {
            await SearchAsync();
            StateHasChanged();
        }
    }

    private async Task OnKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !_busy) await SearchAsync();
    }

    private async Task SearchAsync()
    {
        if (string.IsNullOrWhiteSpace(Query) || Vocabulary is null) return;
        _busy = true;
        StateHasChanged();
        try
        {
            // In context applies to the word vocabulary only; a dataset's texts are embedded whole.
            // A frozen link's mode comes from its state (set after initialisation), never from the picker.
            var context = !WordsVocabulary ? WordContextOptions.Alone : _wordContext.ToApply(ReadOnly, ContextDataset, Occurrences);
            var parameters = new Dictionary<string, object?> { ["q"] = Query, ["k"] = K, ["vocab"] = Vocabulary };
            foreach (var (key, value) in WordContextQuery.Entries(context)) parameters[key] = value;
            var address = Navigation.GetUriWithQueryParameters(parameters);
            if (address != Navigation.Uri && !ReadOnly)
            {
                Navigation.NavigateTo(address, replace: true);
            }

            var compared = await Probe.CompareAsync(Query.Trim(), K, Vocabulary, Registry.Installed.Select(e => e.Id).ToList(), context);
            _wordContext.Shown = context;
            _results = compared.Lists;
            _pairs = compared.Pairs;
        }
        finally
        {
            _busy = false;
        }
    }

    private string Name(string id) => Registry.Installed.FirstOrDefault(e => e.Id == id)?.DisplayName ?? id;
}
