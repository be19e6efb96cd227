using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Layers;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Layers;

public partial class LayersPage : IDisposable
{
    private static readonly TaskKind[] ScoredTasks = [TaskKind.Classification, TaskKind.Sts, TaskKind.WordSimilarity, TaskKind.FaqRetrieval, TaskKind.QuestionAnswering, TaskKind.Ner];
    private IReadOnlyList<DatasetInfo> _datasets = [];
    private IReadOnlyList<LayerCandidate> _candidates = [];
    private IReadOnlyList<string> _problems = [];
    private IDisposable? _subscription;
    private LayersViewModel? _state;
    private string? _embedderId;
    private int _datasetId;
    private int _maxItems = 1000;

    [Inject]
    public required DatasetCatalog Datasets { get; set; }

    [Inject]
    public required LayerAnalysisService Layers { get; set; }

    [Inject]
    public required JobHub Hub { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // Subscribe before anything is requested, so no update of our job can slip between request and subscription.
        _subscription = Hub.Subscribe(JobKind.LayerAnalysis, OnUpdate);
        _datasets = await Datasets.ListAsync(ScoredTasks);
        _candidates = Layers.Candidates();
        _embedderId = _candidates.FirstOrDefault()?.Id;
        _datasetId = _datasets.FirstOrDefault()?.Id ?? 0;
    }

    private async Task AnalyseAsync()
    {
        if (_embedderId is null) return;
        _problems = [];
        try
        {
            var status = await Layers.RequestAsync(new LayerAnalysisRequest { EmbedderId = _embedderId, DatasetId = _datasetId, MaxItems = _maxItems });
            var state = new LayersViewModel();
            state.Apply(status);
            _state = state;
            if (status.Status == RunStatus.Done) state.View = await Layers.LoadAsync(status.Id);
        }
        catch (LayerAnalysisRequestException ex)
        {
            _problems = [ex.Message];
        }
    }

    private void OnUpdate(JobUpdate update)
    {
        var state = _state;
        if (state is null || update.Id != state.AnalysisId) return;
        _ = InvokeAsync(async () =>
        {
            state.Apply(update);
            if (update.Status == RunStatus.Done) state.View = await Layers.LoadAsync(state.AnalysisId);
            StateHasChanged();
        });
    }

    private async Task CancelAsync()
    {
        if (_state is { } state) await Layers.CancelAsync(state.AnalysisId);
    }

    private static string CandidateLabel(LayerCandidate c) =>
        c.Relatives.Count > 1 ? $"{c.DisplayName} (with {c.Relatives.Count - 1} related)" : c.DisplayName;

    public void Dispose() => _subscription?.Dispose();
}
