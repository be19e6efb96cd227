namespace EmbedDashboard.Core.Probes;

/// <summary>One nearest neighbour: its label, its cosine with the query and its 1-based rank.</summary>
public readonly record struct Neighbour(string Label, float Cosine, int Rank);
