using EmbedDashboard.Runner.Probes;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Probes;

public partial class AnalogyProbePage
{
    private IReadOnlyList<EmbedderAnalogy>? _results;
    private bool _busy;
    internal const string ShareKind = "probe-analogy";

    [Inject]
    public required EmbedDashboard.Runner.Sharing.SharingService ShareLinks { get; set; }

    /// <summary>Share token when opened through /shared/&lt;token&gt;: the page is then read-only.</summary>
    [SupplyParameterFromQuery(Name = "shared")]
    public string? Shared { get; set; }

    private bool? _sharedValid;

    private bool ReadOnly => _sharedValid == true;

    [Inject]
    public required NavigationManager Navigation { get; set; }

    [Inject]
    public required LexiconProbeService Lexicon { get; set; }

    [SupplyParameterFromQuery(Name = "a")]
    public string? A { get; set; }

    [SupplyParameterFromQuery(Name = "b")]
    public string? B { get; set; }

    [SupplyParameterFromQuery(Name = "c")]
    public string? C { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _sharedValid = await ShareLinks.IsSharedViewAsync(Shared, ShareKind);
        _fromAddress = A is not null && B is not null && C is not null;
        A ??= "man";
        B ??= "king";
        C ??= "woman";
    }

    private bool _fromAddress;

    // An analogy given in the address (a link, or a shared view) is solved once the circuit is up.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _sharedValid != false && (_fromAddress || ReadOnly))
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
            var address = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["a"] = A, ["b"] = B, ["c"] = C });
            if (address != Navigation.Uri && !ReadOnly) Navigation.NavigateTo(address, replace: true);
            _results = await Lexicon.AnalogyAsync(A, B, C);
        }
        finally
        {
            _busy = false;
        }
    }
}
