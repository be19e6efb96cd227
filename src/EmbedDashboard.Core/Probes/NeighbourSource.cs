namespace EmbedDashboard.Core.Probes;

/// <summary>
/// One embedder's side of a comparison: its index over the shared vocabulary and the query embedded
/// by that same embedder (the query need not be in the vocabulary).
/// </summary>
public sealed record NeighbourSource(string EmbedderId, VectorIndex Index, float[] Query);
