using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// NER task: primary "entity_f1" (micro, exact span and type) on the test sentences, with
/// per-type scores and the token counts behind them.
/// </summary>
public sealed record NerResult(
    EntityScores Overall,
    IReadOnlyDictionary<string, EntityScores> PerType,
    double TokenAccuracy,
    int TrainSentences,
    int TestSentences,
    int TrainTokens,
    int TestTokens,
    int TokensWithoutVector,
    bool UsedFileSplit) : EvaluationResult;
