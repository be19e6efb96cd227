using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Datasets;
using System.Globalization;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Training;
using EmbedDashboard.Web.Components.Charts;
using EmbedDashboard.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmbedDashboard.Web.Components.Pages.Training;

public partial class TrainingPage : IDisposable
{
    private readonly ReloadThrottle _throttle = new(TimeSpan.FromSeconds(1));
    private readonly Dictionary<int, (double Progress, string? Message)> _live = [];
    private IReadOnlyList<DatasetInfo>? _datasets;
    private IReadOnlyList<TrainingJobView>? _jobs;
    private IReadOnlyList<LossSeries> _series = [];
    private IReadOnlyList<string> _problems = [];
    private IDisposable? _subscription;
    private bool _busy;
    private int _datasetId;
    private TrainingMethod _method = TrainingMethod.EmbeddingLayer;
    private int _maxTrain = new TrainingRequest().MaxTrainExamples;
    private readonly LayerForm _layer = new();
    private readonly TuneForm _tune = new();
    private readonly TaggerForm _tagger = new();
    private string _baseEmbedder = ModelLayout.MiniLmId;
    private string _dimensions = "16, 32, 64, 128";

    [Inject]
    public required TrainingService Training { get; set; }

    [Inject]
    public required DatasetCatalog Datasets { get; set; }

    [Inject]
    public required EmbedderRegistry Registry { get; set; }

    [Inject]
    public required JobHub Hub { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    /// <summary>Preselected dataset id (links from the Datasets page).</summary>
    [SupplyParameterFromQuery(Name = "dataset")]
    public int? PreselectedDataset { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _datasets = (await Datasets.ListAsync()).Where(d => TrainingTaskRules.IsTrainable(d.Task)).ToList();
        DatasetId = _datasets.FirstOrDefault(d => d.Id == PreselectedDataset)?.Id ?? _datasets.FirstOrDefault()?.Id ?? 0;
        await ReloadAsync();
        _subscription = Hub.Subscribe(JobKind.Training, update =>
        {
            lock (_live) _live[update.Id] = (update.Progress, update.Message);
            _throttle.Request(() => InvokeAsync(ReloadAsync));
        });
    }

    private async Task ReloadAsync()
    {
        _jobs = await Training.ListAsync();
        _series = _jobs.Where(j => !string.IsNullOrEmpty(j.CurveJson)).Take(8)
            .Select(j => new LossSeries($"#{j.Id} {j.Name}", TrainingProgressWriter.ParseCurve(j.CurveJson)))
            .Where(s => s.Points.Count > 0).ToList();
        StateHasChanged();
    }

    private double Progress(TrainingJobView job)
    {
        lock (_live) return job.Status == RunStatus.Running && _live.TryGetValue(job.Id, out var l) ? l.Progress : job.Progress;
    }

    private string? Message(TrainingJobView job)
    {
        lock (_live) return job.Status == RunStatus.Running && _live.TryGetValue(job.Id, out var l) ? l.Message : job.ProgressMessage;
    }

    private static Color StatusColor(RunStatus status) => status switch
    {
        RunStatus.Done => Color.Success,
        RunStatus.Failed => Color.Error,
        RunStatus.Running => Color.Info,
        RunStatus.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    private TrainingRequest Request(TrainingMethod method) => new()
    {
        Method = method,
        DatasetId = _datasetId,
        MaxTrainExamples = _maxTrain,
        BaseEmbedderId = method == TrainingMethod.ReduceDimension ? _baseEmbedder : null,
        EmbeddingLayer = _layer.ToOptions(),
        FineTune = _tune.ToOptions(),
        Tagger = _tagger.ToOptions(),
        Reduction = new ReductionOptions { Dimensions = ParseDimensions(_dimensions) },
    };

    internal static IReadOnlyList<int> ParseDimensions(string text)
    {
        var parts = text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var bad = parts.Where(p => !int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)).ToList();
        if (bad.Count > 0) throw new TrainingInputException($"Not a whole number: {string.Join(", ", bad)}.");
        return parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
    }

    private async Task StartAsync() => await StartManyAsync([Request(_method)], navigateToSingle: true);

    /// <summary>The chosen dataset is a NER dataset: the layer is trained with a tagger, and labels are per word.</summary>
    private bool IsNer => Task == Core.Datasets.TaskKind.Ner;

    /// <summary>The chosen dataset's task (Classification before the list has loaded).</summary>
    private Core.Datasets.TaskKind Task => _datasets?.FirstOrDefault(d => d.Id == _datasetId)?.Task ?? Core.Datasets.TaskKind.Classification;

    /// <summary>A pair dataset (FAQ, QA, STS): fine-tuning learns from its pairs or its texts; there are no labels for a layer.</summary>
    private bool IsPairs => TrainingTaskRules.IsPairTask(Task);

    /// <summary>The chosen dataset; choosing one whose task the current method does not fit switches to the first that does.</summary>
    private int DatasetId
    {
        get => _datasetId;
        set
        {
            _datasetId = value;
            var methods = TrainingTaskRules.MethodsFor(Task);
            if (methods.Count > 0 && !methods.Contains(_method)) _method = methods[0];
        }
    }

    private async Task StartComparisonSetAsync()
    {
        if (IsNer)
        {
            var tagger = _tagger.ToOptions();
            var crop = _tune.ToOptions() with { Objective = FineTuneObjective.ContrastiveCrop };
            await StartManyAsync(
            [
                .. new[] { 13, 14, 15 }.Select(seed => Request(TrainingMethod.EmbeddingLayer) with { Name = $"Tagger layer {tagger.Dimension}d, seed {seed}", Tagger = tagger with { Seed = seed } }),
                Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM token classification, last 2 layers", FineTune = _tune.ToOptions() with { Objective = FineTuneObjective.Supervised, TrainLastLayers = 2 } },
                Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM token classification, all layers", FineTune = _tune.ToOptions() with { Objective = FineTuneObjective.Supervised, TrainLastLayers = 0 } },
                Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM contrastive, cropping (sentences, no tags)", FineTune = crop },
            ], navigateToSingle: false);
            return;
        }

        if (IsPairs)
        {
            await StartManyAsync(PairComparisonSet(), navigateToSingle: false);
            return;
        }

        var layer = _layer.ToOptions();
        var tune = _tune.ToOptions();
        await StartManyAsync(
        [
            Request(TrainingMethod.EmbeddingLayer) with { Name = "Layer 100d, random init", EmbeddingLayer = layer with { Dimension = 100, Init = EmbeddingInit.Random, FreezeEmbeddings = false } },
            Request(TrainingMethod.EmbeddingLayer) with { Name = "Layer 100d, GloVe init, trainable", EmbeddingLayer = layer with { Dimension = 100, Init = EmbeddingInit.Glove, FreezeEmbeddings = false } },
            Request(TrainingMethod.EmbeddingLayer) with { Name = "Layer 100d, GloVe init, frozen", EmbeddingLayer = layer with { Dimension = 100, Init = EmbeddingInit.Glove, FreezeEmbeddings = true, WordBigrams = false } },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM supervised, all layers", FineTune = tune with { Objective = FineTuneObjective.Supervised, TrainLastLayers = 0 } },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM supervised, last 2 layers", FineTune = tune with { Objective = FineTuneObjective.Supervised, TrainLastLayers = 2 } },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM contrastive, cropping", FineTune = tune with { Objective = FineTuneObjective.ContrastiveCrop } },
            Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM contrastive, dropout", FineTune = tune with { Objective = FineTuneObjective.ContrastiveDropout } },
            Request(TrainingMethod.ReduceDimension) with { Name = "MiniLM → PCA", BaseEmbedderId = ModelLayout.MiniLmId, Reduction = new ReductionOptions { Dimensions = [16, 32, 64, 128] } },
        ], navigateToSingle: false);
    }

    /// <summary>
    /// On a pair dataset: the pair loss on the last 2 layers (for retrieval and QA also with mined hard negatives), both
    /// self-supervised objectives on its texts, and PCA of MiniLM.
    /// </summary>
    private IReadOnlyList<TrainingRequest> PairComparisonSet()
    {
        var tune = _tune.ToOptions() with { TrainLastLayers = 2 };
        var supervised = tune with { Objective = FineTuneObjective.Supervised, HardNegatives = false };
        var set = new List<TrainingRequest>
        {
            Request(TrainingMethod.FineTuneEncoder) with { Name = $"MiniLM {PairLossName}, last 2 layers", FineTune = supervised },
        };
        if (Task != Core.Datasets.TaskKind.Sts)
        {
            set.Add(Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM contrastive pairs + mined hard negatives, last 2 layers", FineTune = supervised with { HardNegatives = true } });
        }

        set.Add(Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM contrastive, cropping (texts, no pairs)", FineTune = tune with { Objective = FineTuneObjective.ContrastiveCrop } });
        set.Add(Request(TrainingMethod.FineTuneEncoder) with { Name = "MiniLM contrastive, dropout (texts, no pairs)", FineTune = tune with { Objective = FineTuneObjective.ContrastiveDropout } });
        set.Add(Request(TrainingMethod.ReduceDimension) with { Name = "MiniLM → PCA", BaseEmbedderId = ModelLayout.MiniLmId, Reduction = new ReductionOptions { Dimensions = [16, 32, 64, 128] } });
        return set;
    }

    /// <summary>The methods and objectives that fit the chosen dataset's task (the service refuses the others).</summary>
    private IReadOnlyList<TrainingMethod> Methods => TrainingTaskRules.MethodsFor(Task);

    private IReadOnlyList<FineTuneObjective> Objectives => TrainingTaskRules.ObjectivesFor(Task);

    private static string MethodLabel(TrainingMethod method) => TrainingChoices.MethodLabel(method);

    private string ObjectiveLabel(FineTuneObjective objective) => TrainingChoices.ObjectiveLabel(objective, Task);

    private string PairLossName => Task == Core.Datasets.TaskKind.Sts ? "CoSENT on scored pairs" : "contrastive pairs";

    private async Task StartManyAsync(IReadOnlyList<TrainingRequest> requests, bool navigateToSingle)
    {
        _busy = true;
        _problems = [];
        try
        {
            var started = new List<int>();
            foreach (var request in requests)
            {
                started.Add((await Training.StartAsync(request)).Id);
            }

            if (navigateToSingle && started.Count == 1)
            {
                Navigation.NavigateTo($"training/{started[0]}");
                return;
            }

            await ReloadAsync();
        }
        catch (TrainingInputException ex)
        {
            _problems = [ex.Message];
        }
        catch (AccessDeniedException ex)
        {
            _problems = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelAsync(int id)
    {
        await Training.CancelAsync(id);
        await ReloadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle.Dispose();
    }
}
