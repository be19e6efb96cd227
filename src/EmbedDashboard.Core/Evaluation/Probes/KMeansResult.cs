namespace EmbedDashboard.Core.Evaluation.Probes;

/// <summary>Cluster of each row, the k centroids (k × d row-major), the within-cluster sum of squares and the Lloyd iterations of the best start.</summary>
public sealed record KMeansResult(int[] Labels, float[] Centroids, double Inertia, int Iterations);
