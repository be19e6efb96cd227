using System.Globalization;
using System.Text.Json;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Web.Components.Charts;
using EmbedDashboard.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Training;

public partial class TrainingJobPage : IDisposable
{
    private readonly ReloadThrottle _throttle = new(TimeSpan.FromSeconds(2));
    private readonly List<LossPoint> _curve = [];
    private IReadOnlyList<LossSeries> _series = [];
    private TrainingJobView? _job;
    private bool _notFound;
    private double _progress;
    private string? _message;
    private double _examplesPerSecond;
    private IReadOnlyList<(string Name, string Value)> _figures = [];
    private IReadOnlyList<string> _notes = [];
    private IReadOnlyList<TrainedManifest> _produced = [];
    private string _optionsJson = "";
    private IDisposable? _subscription;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    public required TrainingService Training { get; set; }

    [Inject]
    public required JobHub Hub { get; set; }

    [Inject]
    public required EmbedderRegistry Registry { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Subscribe first: an end reported while the page loads is then owed a reload instead of being missed.
        _subscription ??= Hub.Subscribe(JobKind.Training, OnUpdate);
        await LoadAsync();
    }

    private void OnUpdate(JobUpdate update)
    {
        if (update.Id != Id) return;
        if (update.Detail is TrainingDetail detail)
        {
            lock (_curve)
            {
                _curve.AddRange(detail.NewPoints);
                _series = [new LossSeries(_job?.Name ?? "loss", _curve.ToList())];
            }

            _examplesPerSecond = detail.ExamplesPerSecond;
        }

        _progress = update.Progress;
        _message = update.Message;
        // At most one render every two seconds: each one redraws the curve in the browser, which
        // shares the two cores with training.
        // The throttle keeps only the latest request, and a last progress report can arrive after the job's end: the end's
        // reload must not be replaced by a mere re-render, so it stays owed until it has run.
        if (update.Status != RunStatus.Running) _reloadOwed = true;
        _throttle.Request(() => InvokeAsync(_reloadOwed ? ReloadOwedAsync : () => { StateHasChanged(); return Task.CompletedTask; }));
    }

    private bool _reloadOwed;

    private async Task ReloadOwedAsync()
    {
        _reloadOwed = false;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _job = await Training.GetAsync(Id);
        _notFound = _job is null;
        if (_job is null) return;
        _progress = _job.Progress;
        _message = _job.ProgressMessage;
        lock (_curve)
        {
            var stored = TrainingProgressWriter.ParseCurve(_job.CurveJson);
            if (stored.Count >= _curve.Count)
            {
                _curve.Clear();
                _curve.AddRange(stored);
            }

            _series = [new LossSeries(_job.Name, _curve.ToList())];
        }

        (_figures, _notes) = ParseResult(_job.ResultJson);
        _produced = _job.Produced
            .Select(id => Training.Catalog.Get(id)).OfType<TrainedManifest>().ToList();
        _optionsJson = JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(_job.OptionsJson), new JsonSerializerOptions { WriteIndented = true });
        StateHasChanged();
    }

    private static (IReadOnlyList<(string, string)> Figures, IReadOnlyList<string> Notes) ParseResult(string? json)
    {
        if (string.IsNullOrEmpty(json)) return ([], []);
        var figures = new List<(string, string)>();
        var notes = new List<string>();
        foreach (var property in JsonDocument.Parse(json).RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array) notes.AddRange(property.Value.EnumerateArray().Select(n => n.GetString() ?? ""));
            else if (property.Value.ValueKind == JsonValueKind.Number) figures.Add((property.Name.Replace('_', ' '), Format(property.Name, property.Value.GetDouble())));
        }

        return (figures, notes);
    }

    private static string Format(string name, double value) =>
        name.Contains("accuracy", StringComparison.Ordinal) || name.Contains("variance", StringComparison.Ordinal) ? value.ToString("0.000", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private string CompareLink
    {
        get
        {
            var general = Registry.Installed.Where(e => e.IsGeneral).Select(e => e.Id);
            var baseIds = _produced.Select(p => p.BaseEmbedderId).OfType<string>();
            var ids = general.Concat(baseIds).Concat(_produced.Select(p => p.Id)).Distinct();
            return $"experiments/new?datasets={_job!.DatasetId}&embedders={Uri.EscapeDataString(string.Join(',', ids))}";
        }
    }

    private string ProbeLink => "probes/antonyms";

    private async Task CancelAsync()
    {
        await Training.CancelAsync(Id);
        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle.Dispose();
    }
}
