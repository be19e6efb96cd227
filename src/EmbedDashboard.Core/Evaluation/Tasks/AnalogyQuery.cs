namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>a : b :: c : ? as vocabulary row numbers.</summary>
internal readonly record struct AnalogyQuery(int A, int B, int C);
