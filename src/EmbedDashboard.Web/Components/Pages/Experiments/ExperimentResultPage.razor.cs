using System.Collections.Concurrent;
using System.Globalization;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Runner.Sharing;
using EmbedDashboard.Runner.Specs;
using EmbedDashboard.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

public partial class ExperimentResultPage : IDisposable
{
    private ExperimentView? _view;
    private IReadOnlyList<ItemContrastView> _contrasts = [];

    // Pairs the reader picked in the item view, per dataset id; kept across reloads (a run finishing reloads the page's data).
    private readonly Dictionary<int, (int First, int Second)> _chosenPairs = [];
    private bool _notFound;
    private IDisposable? _subscription;
    private readonly ReloadThrottle _reload = new(TimeSpan.FromSeconds(1));
    private readonly ConcurrentDictionary<int, JobUpdate> _live = new();

    [Parameter]
    public int Id { get; set; }

    /// <summary>Set only by the share route (/s/&lt;token&gt;): the page shows that link's experiment, read-only.</summary>
    [Parameter]
    public ShareLink? Frozen { get; set; }

    [Inject]
    public required SharingService ShareLinks { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    private bool _readOnly;
    private IReadOnlyList<ShareLink> _links = [];

    [Inject]
    public required ExperimentQueries Queries { get; set; }

    [Inject]
    public required ExperimentService Experiments { get; set; }

    [Inject]
    public required JobHub Hub { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Subscribe first: a run that ends while the page loads (a fast one, or a slow first load computing the
        // verdict) then owes the page a reload instead of leaving its status stale.
        _subscription ??= Hub.Subscribe(JobKind.Run, OnProgress);
        await LoadAsync();
    }

    private void OnProgress(JobUpdate update)
    {
        if (update.GroupId != Id)
        {
            return;
        }

        _live[update.Id] = update;
        if (update.Status == RunStatus.Running && _view is not null)
        {
            _ = InvokeAsync(StateHasChanged);
        }
        else
        {
            // A run's end — or any update before the first load has finished — owes the page a reload.
            _reload.Request(() => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
        }
    }

    private int _loads;

    private async Task LoadAsync()
    {
        if (Frozen is not null)
        {
            // Checked again on every load: a link revoked or expired while the page is open stops showing data.
            var link = await ShareLinks.ResolveAsync(Frozen.Token);
            _readOnly = true;
            if (link is null || link.Kind != ShareKind)
            {
                _view = null;
                _notFound = true;
                return;
            }

            Id = link.TargetId;
        }

        // Loads can overlap (the first one computing a verdict is slow, and an end can request another meanwhile):
        // only the newest one started may set the view, so an older, staler answer never replaces a fresher one.
        var ticket = Interlocked.Increment(ref _loads);
        var view = await Queries.GetAsync(Id);
        // After the view, so the verdict it reads is already cached; a share link shows it too (it is read-only data).
        var contrasts = view is null ? [] : await Queries.GetItemContrastsAsync(Id, _chosenPairs);
        if (ticket != Volatile.Read(ref _loads)) return;
        _view = view;
        _contrasts = contrasts;
        _notFound = _view is null;
        if (!_readOnly && _view is not null)
        {
            _links = await ShareLinks.ListAsync(ShareKind, Id);
        }
    }

    private async Task ChoosePairAsync(ItemPairChoice choice)
    {
        _chosenPairs[choice.DatasetId] = (choice.First, choice.Second);
        await LoadAsync();
    }

    internal const string ShareKind = "experiment";

    private string ExportUrl(string format) => Frozen is null ? $"api/experiments/{Id}/results.{format}" : $"s/{Frozen.Token}/results.{format}";

    private string ShareUrl(string token) => Navigation.ToAbsoluteUri($"s/{token}").ToString();

    // The services decide who may act; a refusal (a Viewer, someone else's link) is shown, not thrown into the circuit.
    private string? _refusal;

    private async Task ActAsync(Func<Task> action)
    {
        _refusal = null;
        try
        {
            await action();
        }
        catch (Core.Access.AccessDeniedException ex)
        {
            _refusal = ex.Message;
        }
    }

    // Like the probe pages' share button: 30 days unless the sharer picks otherwise (0 = until revoked).
    private int _shareDays = 30;

    private Task ShareAsync() => ActAsync(async () =>
    {
        await ShareLinks.CreateAsync(ShareKind, Id, lifetime: _shareDays > 0 ? TimeSpan.FromDays(_shareDays) : null);
        _links = await ShareLinks.ListAsync(ShareKind, Id);
    });

    private Task RevokeAsync(string token) => ActAsync(async () =>
    {
        await ShareLinks.RevokeAsync(token);
        _links = await ShareLinks.ListAsync(ShareKind, Id);
    });

    private double LiveProgress(RunView run) => _live.TryGetValue(run.Id, out var u) ? u.Progress : run.Progress;

    private string LiveMessage(RunView run)
    {
        if (!_live.TryGetValue(run.Id, out var u))
        {
            return run.Message ?? "";
        }

        return u.Eta is { } eta ? $"{u.Message} · about {FormatEta(eta)} left" : u.Message ?? "";
    }

    internal static string FormatEta(TimeSpan eta) => eta.TotalMinutes >= 1
        ? $"{(int)eta.TotalMinutes} min {eta.Seconds} s"
        : $"{Math.Max(1, (int)eta.TotalSeconds)} s";

    internal static string FormatPrimary(RunView run) => run.Primary is { } p
        ? p.Name + " " + p.Value.ToString("0.000", CultureInfo.InvariantCulture) + (p.Std is double s ? " ± " + s.ToString("0.000", CultureInfo.InvariantCulture) : "")
        : "";

    /// <summary>Progress messages of finished runs and the verdict's coverage remarks, folded away under "Notes".</summary>
    private IReadOnlyList<string> Notes => _view is null ? [] : _view.Runs
        .Where(r => r.Status == RunStatus.Done)
        .SelectMany(r => new[] { r.Message, r.Score?.Note }
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => $"{r.DatasetName} × {r.EmbedderName}: {n}"))
        .ToList();

    /// <summary>How each word-task run's words became vectors (alone, or in context of which dataset), from its reproducibility record.</summary>
    private IReadOnlyList<string> WordVectorLines => _view is null ? [] : _view.Runs
        .Where(r => r.Repro?.WordContext is not null)
        .Select(r => $"{r.DatasetName} × {r.EmbedderName}: {r.Repro!.WordContext!.Describe()}")
        .ToList();

    /// <summary>Δ vs best general in points with the paired CI and "*" when significant after Holm; the raw difference for old runs.</summary>
    internal static string FormatDelta(RunView run)
    {
        if (run.VsBestGeneral is { Delta: double d } c)
        {
            var ci = c.CiLow is double lo && c.CiHigh is double hi ? $" [{VerdictText.Points(lo)}, {VerdictText.Points(hi)}]" : "";
            return VerdictText.Points(d) + ci + (c.Significant ? " *" : "");
        }

        return run.DeltaVsBestGeneral is double raw ? raw.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) : "";
    }

    private Task CancelAsync(int runId) => ActAsync(async () =>
    {
        await Experiments.CancelRunAsync(runId);
        await LoadAsync();
    });

    private Task RetryAsync(int runId) => ActAsync(async () =>
    {
        await Experiments.RetryRunAsync(runId);
        await LoadAsync();
    });

    public void Dispose()
    {
        _subscription?.Dispose();
        _reload.Dispose();
    }
}
