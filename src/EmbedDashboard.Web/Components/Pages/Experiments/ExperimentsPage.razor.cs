using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

public partial class ExperimentsPage : IDisposable
{
    private IReadOnlyList<ExperimentView>? _experiments;
    private IDisposable? _subscription;
    private readonly ReloadThrottle _throttle = new(TimeSpan.FromSeconds(1));

    [Inject]
    public required ExperimentQueries Queries { get; set; }

    [Inject]
    public required JobHub Hub { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _subscription = Hub.Subscribe(JobKind.Run, _ => _throttle.Request(() => InvokeAsync(ReloadAsync))); // before loading: see ExperimentResultPage
        _experiments = await Queries.ListAsync();
    }

    private async Task ReloadAsync()
    {
        _experiments = await Queries.ListAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle.Dispose();
    }
}
