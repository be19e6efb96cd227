namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>FAQ retrieval: primary "mrr"; Candidates is the number of distinct answers each question ranks.</summary>
public sealed record FaqRetrievalResult(double Mrr, double RecallAt1, double RecallAt5, double RecallAt10, int Candidates) : EvaluationResult;
