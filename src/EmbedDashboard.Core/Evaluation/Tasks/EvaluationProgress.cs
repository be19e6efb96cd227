namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>Progress of an evaluator: fraction done (0..1) and a short message for the UI.</summary>
public readonly record struct EvaluationProgress(double Fraction, string Message);
