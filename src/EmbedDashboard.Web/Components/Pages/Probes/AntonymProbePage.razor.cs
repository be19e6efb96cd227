using System.Globalization;
using EmbedDashboard.Core.Probes;
using EmbedDashboard.Runner.Probes;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Web.Components.WordContext;
using EmbedDashboard.Web.Components.Sharing;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Title = Plotly.Blazor.LayoutLib.Title;

namespace EmbedDashboard.Web.Components.Pages.Probes;

public partial class AntonymProbePage
{
    private IReadOnlyList<EmbedderReport>? _reports;
    private bool _busy;
    internal const string ShareKind = "probe-antonyms";

    /// <summary>Set only by the share route (/s/&lt;token&gt;): the page shows this link's frozen state, read-only, whatever the address says.</summary>
    [Parameter]
    public EmbedDashboard.Runner.Sharing.ShareLink? Frozen { get; set; }

    private bool ReadOnly => Frozen is not null;

    // The word-vector mode lives in the address (…?ctx=IMDB%20reviews%20(built-in)&occ=5), so a share link freezes it.
    [SupplyParameterFromQuery(Name = WordContextQuery.DatasetKey)]
    public string? ContextDataset { get; set; }

    [SupplyParameterFromQuery(Name = WordContextQuery.OccurrencesKey)]
    public int? Occurrences { get; set; }

    [Inject]
    public required DatasetCatalog Catalog { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    private readonly WordContextState _wordContext = new();

    protected override void OnParametersSet()
    {
        if (Frozen is null) return;
        var state = FrozenState.Parse(Frozen.State);
        (ContextDataset, Occurrences) = WordContextState.FromFrozen(state);
    }

    protected override async Task OnInitializedAsync()
    {
        await _wordContext.InitializeAsync(Catalog, ContextDataset, Occurrences);
    }

    // A shared view computes the report itself once the circuit is up.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && ReadOnly)
        {
            await ComputeAsync();
            StateHasChanged();
        }
    }
    private readonly Config _config = new() { Responsive = true, DisplayLogo = false };
    private readonly global::Plotly.Blazor.Layout _layout = new()
    {
        Title = new Title { Text = "Cosine of antonym, synonym and random word pairs" },
        BoxMode = Plotly.Blazor.LayoutLib.BoxModeEnum.Group,
        Height = 420,
    };

    private readonly List<ITrace> _traces = [];

    private static int NeighbourProbeServiceSize => NeighbourProbeService.WordVocabularySize;

    [Inject]
    public required LexiconProbeService Lexicon { get; set; }

    private static string F(double v) => double.IsNaN(v) ? "—" : v.ToString("0.000", CultureInfo.InvariantCulture);

    private static IEnumerable<(string, Func<AntonymPolarityReport, string>)> Rows =>
    [
        ("Antonym among the 10 nearest neighbours", r => $"{F(r.AntonymInTopK)} ({r.AntonymPairsCovered:N0} of {r.AntonymPairsTotal:N0} pairs in vocabulary)"),
        ("Mean cosine: antonym pairs", r => F(r.AntonymCosines.DefaultIfEmpty().Average())),
        ("Mean cosine: synonym pairs", r => F(r.SynonymCosines.DefaultIfEmpty().Average())),
        ("Mean cosine: random pairs", r => F(r.RandomCosines.DefaultIfEmpty().Average())),
        ("Polarity flip rate (polar neighbours of opposite sign)", r => $"{F(r.FlipRate)} ({r.FlipNumerator:N0}/{r.FlipDenominator:N0})"),
        ("Polarity separability (5-fold logistic probe)", r => $"{F(r.Separability.Mean)} ± {F(r.Separability.Std)} (majority {F(r.MajorityBaseline)}; {r.PolarWordsCovered:N0} AFINN words)"),
    ];

    private string _pairA = "ugly";
    private string _pairB = "beautiful";
    private IReadOnlyList<PairView>? _pair;

    private async Task ShowPairAsync(string a, string b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return;
        (_pairA, _pairB) = (a.Trim().ToLowerInvariant(), b.Trim().ToLowerInvariant());
        _pair = await Lexicon.PairAsync(_pairA, _pairB, context: _wordContext.Shown);
    }

    private async Task ComputeAsync()
    {
        _busy = true;
        try
        {
            var context = _wordContext.ToApply(ReadOnly, ContextDataset, Occurrences);
            if (!ReadOnly)
            {
                var address = Navigation.GetUriWithQueryParameters(WordContextQuery.Entries(context).ToDictionary(e => e.Key, e => e.Value));
                if (address != Navigation.Uri) Navigation.NavigateTo(address, replace: true);
            }

            _reports = await Lexicon.AntonymReportsAsync(context);
            _wordContext.Shown = context;
            _traces.Clear();
            foreach (var r in _reports.Where(r => r.Report is not null))
            {
                foreach (var (category, values) in new[] { ("antonym", r.Report!.AntonymCosines), ("synonym", r.Report.SynonymCosines), ("random", r.Report.RandomCosines) })
                {
                    _traces.Add(new Box { Name = r.Name, LegendGroup = r.Name, X = values.Select(_ => (object)category).ToList(), Y = values.Cast<object>().ToList(), BoxPoints = Plotly.Blazor.Traces.BoxLib.BoxPointsEnum.False, ShowLegend = category == "antonym" });
                }
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
