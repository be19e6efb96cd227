namespace EmbedDashboard.Core.Evaluation;

/// <summary>
/// One figure of a run as evaluators produce it, the pipeline passes it and the store keeps it: the mean over
/// seeds, their standard deviation, whether it is the task's headline figure, and the per-seed (or per-item) values.
/// </summary>
public sealed record MetricValue(string Name, double Value, double? Std = null, bool IsPrimary = false, IReadOnlyList<double>? Values = null);
