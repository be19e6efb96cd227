using EmbedDashboard.Core.Projections;

namespace EmbedDashboard.Runner.Projections;

/// <summary>One plotted item: its index in the dataset's item list (to link plots and find neighbours), coordinates, label, short text.</summary>
public sealed record ProjectedPoint(int Item, float X, float Y, float Z, string Label, string Text);

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
    bool FromCache);
