namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>An entity over tokens [Start, End) of one sentence.</summary>
public sealed record EntitySpan(int Start, int End, string Type);
