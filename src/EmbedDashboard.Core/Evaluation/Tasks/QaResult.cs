namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Extractive QA by sentence ranking: primary "accuracy_at_1" (the top sentence holds an answer
/// start), with MRR and the mean number of sentences per context (random ranking scores about 1/that).
/// </summary>
public sealed record QaResult(double AccuracyAt1, double Mrr, double MeanCandidates, int Contexts) : EvaluationResult;
