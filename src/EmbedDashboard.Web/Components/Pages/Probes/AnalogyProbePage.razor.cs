using EmbedDashboard.Runner.Probes;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Probes;

public partial class AnalogyProbePage
{
    private IReadOnlyList<EmbedderAnalogy>? _results;
    private bool _busy;

    [Inject]
    public required LexiconProbeService Lexicon { get; set; }

    [SupplyParameterFromQuery(Name = "a")]
    public string? A { get; set; }

    [SupplyParameterFromQuery(Name = "b")]
    public string? B { get; set; }

    [SupplyParameterFromQuery(Name = "c")]
    public string? C { get; set; }

    protected override void OnInitialized()
    {
        A ??= "man";
        B ??= "king";
        C ??= "woman";
    }

    private async Task SolveAsync()
    {
        if (string.IsNullOrWhiteSpace(A) || string.IsNullOrWhiteSpace(B) || string.IsNullOrWhiteSpace(C)) return;
        _busy = true;
        try
        {
            _results = await Lexicon.AnalogyAsync(A, B, C);
        }
        finally
        {
            _busy = false;
        }
    }
}
