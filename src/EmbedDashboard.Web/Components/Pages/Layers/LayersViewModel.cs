using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Runner.Layers;

namespace EmbedDashboard.Web.Components.Pages.Layers;

/// <summary>The page's view of one requested analysis: the job's state while it runs, the curves once done.</summary>
public sealed class LayersViewModel
{
    public int AnalysisId { get; set; }
    public RunStatus Status { get; set; } = RunStatus.Queued;
    public double Progress { get; set; }
    public string? Message { get; set; }
    public string? Error { get; set; }
    public LayerAnalysisView? View { get; set; }

    public bool IsActive => Status is RunStatus.Queued or RunStatus.Running or RunStatus.Interrupted;

    public IReadOnlyList<LayerSeries> MetricSeries => View?.Result.Models.Select(m => new LayerSeries(m.DisplayName, m.Metric)).ToList() ?? [];

    public IReadOnlyList<LayerSeries> WeightChangeSeries => View?.Result.Models.Where(m => m.WeightChange is not null).Select(m => new LayerSeries(m.DisplayName, m.WeightChange!)).ToList() ?? [];

    public IReadOnlyList<LayerSeries> CkaSeries => View?.Result.Models.Where(m => m.CkaToBase is not null).Select(m => new LayerSeries(m.DisplayName, m.CkaToBase!)).ToList() ?? [];

    public void Apply(LayerAnalysisStatus status)
    {
        AnalysisId = status.Id;
        Status = status.Status;
        Progress = status.Progress;
        Message = status.Message;
        Error = status.Error;
    }

    public void Apply(JobUpdate update)
    {
        Status = update.Status;
        Progress = update.Progress;
        Message = update.Message;
        if (update.Status == RunStatus.Failed) Error = update.Message;
    }
}
