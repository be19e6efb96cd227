namespace EmbedDashboard.Core.Probes;

/// <summary>
/// One embedder's top-k neighbours of a query, which of them no other embedder's top-k has
/// (<see cref="Unique"/>), how long the exact search took, or why there is no list (<see cref="Problem"/>).
/// </summary>
public sealed record NeighbourList(string EmbedderId, IReadOnlyList<Neighbour> Neighbours, IReadOnlySet<string> Unique, TimeSpan Latency, string? Problem);
