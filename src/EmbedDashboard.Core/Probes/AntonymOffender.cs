namespace EmbedDashboard.Core.Probes;

/// <summary>An antonym pair the embedder puts close: its cosine and each word's rank among the other's neighbours.</summary>
public sealed record AntonymOffender(string A, string B, float Cosine, int RankOfBForA, int RankOfAForB);
