using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>k-means (k = number of labels) against the gold labels, one value per seed in each summary.</summary>
public sealed record ClusteringScores(int Clusters, Summary VMeasure, Summary Homogeneity, Summary Completeness, Summary AdjustedRandIndex);
