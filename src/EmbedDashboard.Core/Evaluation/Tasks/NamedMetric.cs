using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>A metric name (snake_case, stable: it is stored and charted) with its mean, spread and per-seed values.</summary>
public sealed record NamedMetric(string Name, Summary Value);
