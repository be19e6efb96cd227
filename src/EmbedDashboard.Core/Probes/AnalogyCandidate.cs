namespace EmbedDashboard.Core.Probes;

/// <summary>
/// One answer to a : b :: c : ?. <see cref="Score"/> is the method's objective (3CosAdd or 3CosMul) that
/// ranks the answers; <see cref="Cosine"/> is the answer's cosine with the offset vector b − a + c
/// (comparable across methods and embedders, on the familiar −1..1 scale).
/// </summary>
public sealed record AnalogyCandidate(string Label, float Score, float Cosine, int Rank);
