using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Probes;
using EmbedDashboard.Web.Components.Sharing;
using EmbedDashboard.Web.Components.WordContext;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Probes;

public partial class AnalogyProbePage
{
    private IReadOnlyList<EmbedderAnalogy>? _results;
    private bool _busy;
    internal const string ShareKind = "probe-analogy";

    /// <summary>Set only by the share route (/s/&lt;token&gt;): the page shows this link's frozen state, read-only, whatever the address says.</summary>
    [Parameter]
    public EmbedDashboard.Runner.Sharing.ShareLink? Frozen { get; set; }

    private bool ReadOnly => Frozen is not null;

    [Inject]
    public required NavigationManager Navigation { get; set; }

    [Inject]
    public required LexiconProbeService Lexicon { get; set; }

    [Inject]
    public required DatasetCatalog Catalog { get; set; }

    // The word-vector mode lives in the address like the antonym probe's, so a share link freezes it.
    [SupplyParameterFromQuery(Name = WordContextQuery.DatasetKey)]
    public string? ContextDataset { get; set; }

    [SupplyParameterFromQuery(Name = WordContextQuery.OccurrencesKey)]
    public int? Occurrences { get; set; }

    private readonly WordContextState _wordContext = new();

    [SupplyParameterFromQuery(Name = "a")]
    public string? A { get; set; }

    [SupplyParameterFromQuery(Name = "b")]
    public string? B { get; set; }

    [SupplyParameterFromQuery(Name = "c")]
    public string? C { get; set; }

    // A frozen link wins over the address on every parameter update, so editing the query changes nothing.
    protected override void OnParametersSet()
    {
        if (Frozen is null) return;
        var state = FrozenState.Parse(Frozen.State);
        (A, B, C) = (state.Get("a"), state.Get("b"), state.Get("c"));
        (ContextDataset, Occurrences) = WordContextState.FromFrozen(state);
    }

    protected override async Task OnInitializedAsync()
    {
        await _wordContext.InitializeAsync(Catalog, ContextDataset, Occurrences);
        _fromAddress = A is not null && B is not null && C is not null;
        A ??= "man";
        B ??= "king";
        C ??= "woman";
    }

    private bool _fromAddress;

    // An analogy given in the address (a link, or a shared view) is solved once the circuit is up.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && (_fromAddress || ReadOnly))
        {
            await SolveAsync();
            StateHasChanged();
        }
    }

    private async Task SolveAsync()
    {
        if (string.IsNullOrWhiteSpace(A) || string.IsNullOrWhiteSpace(B) || string.IsNullOrWhiteSpace(C)) return;
        _busy = true;
        try
        {
            var context = _wordContext.ToApply(ReadOnly, ContextDataset, Occurrences);
            var query = new Dictionary<string, object?> { ["a"] = A, ["b"] = B, ["c"] = C };
            foreach (var (key, value) in WordContextQuery.Entries(context)) query[key] = value;
            var address = Navigation.GetUriWithQueryParameters(query);
            if (address != Navigation.Uri && !ReadOnly) Navigation.NavigateTo(address, replace: true);
            _results = await Lexicon.AnalogyAsync(A, B, C, context);
            _wordContext.Shown = context;
        }
        finally
        {
            _busy = false;
        }
    }
}
