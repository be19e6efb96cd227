namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>Clustering task: primary v_measure; Classes are the gold labels (k = their count).</summary>
public sealed record ClusteringResult(ClusteringScores Scores, IReadOnlyList<string> Classes) : EvaluationResult;
