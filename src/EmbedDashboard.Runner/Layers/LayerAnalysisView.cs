using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Layers;

namespace EmbedDashboard.Runner.Layers;

/// <summary>Where a requested layer analysis stands (the page follows it by id through the job hub).</summary>
public sealed record LayerAnalysisStatus(int Id, RunStatus Status, double Progress, string? Message, string? Error)
{
    internal static LayerAnalysisStatus From(Data.Entities.LayerAnalysisEntity e) => new(e.Id, e.Status, e.Progress, e.ProgressMessage, e.Error);
}

/// <summary>A finished layer analysis as the page and the CLI show it.</summary>
public sealed record LayerAnalysisView(int Id, string EmbedderId, int DatasetId, string DatasetName, LayerAnalysisResult Result, TimeSpan Elapsed);

/// <summary>An encoder the page offers, with the fine-tuned descendants an analysis would put beside it.</summary>
public sealed record LayerCandidate(string Id, string DisplayName, IReadOnlyList<string> Relatives);
