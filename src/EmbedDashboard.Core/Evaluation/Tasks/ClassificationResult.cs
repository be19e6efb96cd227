namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Classification task: primary "accuracy" of the logistic probe. Units is the number of
/// train/test evaluations behind each summary (seeds, or seeds × folds).
/// </summary>
public sealed record ClassificationResult(
    ClassificationProtocol Protocol,
    int Units,
    IReadOnlyList<string> Classes,
    ProbeScores Logistic,
    ProbeScores Knn,
    ClusteringScores? Clustering) : EvaluationResult;
