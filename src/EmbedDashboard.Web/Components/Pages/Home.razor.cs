using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages;

public partial class Home : IDisposable
{
    private IReadOnlyList<ExperimentView> _recent = [];
    private IReadOnlyList<ActiveJob> _active = [];
    private IReadOnlyList<EmbedderInfo> _installed = [];
    private NextStep? _next;
    private int _experimentCount;
    private readonly Dictionary<string, JobUpdate> _live = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ReloadThrottle _reload = new(TimeSpan.FromSeconds(2));
    private IDisposable? _runs;
    private IDisposable? _training;

    [Inject]
    public required ExperimentQueries Queries { get; set; }

    [Inject]
    public required TrainingService Training { get; set; }

    [Inject]
    public required DatasetCatalog Datasets { get; set; }

    [Inject]
    public required IEmbedderRegistry Registry { get; set; }

    [Inject]
    public required JobHub Hub { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // Subscribe first, so a job that ends while the page loads still owes it a reload.
        _runs = Hub.Subscribe(JobKind.Run, OnUpdate);
        _training = Hub.Subscribe(JobKind.Training, OnUpdate);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // The list has no metrics (cheap); verdicts are computed only for the few most recent experiments.
        var all = await Queries.ListAsync();
        var jobs = await Training.ListAsync();
        var recent = new List<ExperimentView>();
        foreach (var e in all.OrderByDescending(e => e.CreatedAt).Take(HomeSummary.RecentCount))
        {
            if (await Queries.GetAsync(e.Id) is { } full) recent.Add(full);
        }

        _recent = recent;
        _experimentCount = all.Count;
        _active = HomeSummary.ActiveJobs(all, jobs);
        _installed = Registry.Installed;
        _next = HomeSummary.Next(_installed, await Datasets.ListAsync(), all, jobs);
        lock (_gate) _live.Clear();
    }

    private void OnUpdate(JobUpdate update)
    {
        lock (_gate) _live[Key(update.Kind, update.Id)] = update;
        if (update.Status == RunStatus.Running && _active.Any(j => j.Kind == update.Kind && j.Id == update.Id))
        {
            // A progress tick of a listed job moves its bar in place; no query. A job not listed yet (it started
            // after the last load) falls through to a reload, so "Running now" shows it.
            _ = InvokeAsync(StateHasChanged);
            return;
        }

        // A job started, finished or failed: reload, at most once every two seconds (verdicts are costly).
        _reload.Request(() => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }));
    }

    private static string Key(JobKind kind, int id) => $"{kind}:{id}";

    private JobUpdate? Live(ActiveJob job)
    {
        lock (_gate) return _live.GetValueOrDefault(Key(job.Kind, job.Id));
    }

    private double LiveProgress(ActiveJob job) => Live(job)?.Progress ?? job.Progress;

    private string? LiveMessage(ActiveJob job) => Live(job)?.Message ?? job.Message;

    public void Dispose()
    {
        _runs?.Dispose();
        _training?.Dispose();
        _reload.Dispose();
    }
}
