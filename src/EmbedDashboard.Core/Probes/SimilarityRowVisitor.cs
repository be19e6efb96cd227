namespace EmbedDashboard.Core.Probes;

/// <summary>
/// Receives the cosines of one query row with every stored row. Called concurrently from several
/// threads, so implementations write only to slots owned by <paramref name="queryIndex"/>.
/// </summary>
internal delegate void SimilarityRowVisitor(int queryIndex, ReadOnlySpan<float> similarities);
