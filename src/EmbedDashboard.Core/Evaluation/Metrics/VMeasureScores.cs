namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>Homogeneity (each cluster holds one class), completeness (each class sits in one cluster) and their harmonic mean.</summary>
public sealed record VMeasureScores(double Homogeneity, double Completeness, double VMeasure);
