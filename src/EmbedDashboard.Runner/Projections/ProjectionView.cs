using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Runner.Projections;

/// <summary>One plotted item: its index in the dataset's item list (to link plots and find neighbours), coordinates, label, short text.</summary>
public sealed record ProjectedPoint(int Item, float X, float Y, float Z, string Label, string Text);

/// <summary>Where a requested projection stands (the page follows it by id through the job hub).</summary>
public sealed record ProjectionStatus(int Id, RunStatus Status, double Progress, string? Message, string? Error)
{
    internal static ProjectionStatus From(Data.Entities.ProjectionEntity p) => new(p.Id, p.Status, p.Progress, p.ProgressMessage, p.Error);
}

/// <summary>A finished projection as the page draws it.</summary>
public sealed record ProjectionView(
    int Id,
    string EmbedderId,
    int DatasetId,
    ProjectionMethod Method,
    string ParamsKey,
    IReadOnlyList<ProjectedPoint> Points,
    int Components,
    int TotalItems,
    int Missing,
    TimeSpan EmbedTime,
    TimeSpan ProjectTime,
    IReadOnlyDictionary<string, double> Figures,
    bool FromCache)
{
    /// <summary>Neighbour churn against the comparison embedder, when the request named one.</summary>
    public ProjectionChurn? Churn { get; init; }
}
