namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>Entity-level precision, recall and F1 with the counts behind them (Gold is seqeval's "support").</summary>
public sealed record EntityScores(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct)
{
    /// <summary>Undefined ratios are 0, as seqeval's default zero_division.</summary>
    public static EntityScores FromCounts(int gold, int predicted, int correct)
    {
        var precision = predicted == 0 ? 0 : correct / (double)predicted;
        var recall = gold == 0 ? 0 : correct / (double)gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new EntityScores(precision, recall, f1, gold, predicted, correct);
    }
}
