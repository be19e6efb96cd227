using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Tests.Evaluation.Metrics;

public sealed class EntityMetricsTests
{
    [Fact]
    public void Spans_BioSequence_EntitiesWithExclusiveEnds()
    {
        Assert.Equal([new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "LOC")], EntityMetrics.Spans(["B-PER", "I-PER", "O", "B-LOC"]));
    }

    [Fact]
    public void Spans_IAfterOAndTypeChange_StartNewEntities()
    {
        // seqeval's default: I-PER after O opens an entity; I-LOC after I-PER closes PER and opens LOC;
        // B-LOC after B-LOC starts another LOC.
        var spans = EntityMetrics.Spans(["B-PER", "I-PER", "O", "I-PER", "I-LOC", "B-LOC", "B-LOC"]);

        Assert.Equal([new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "PER"), new EntitySpan(4, 5, "LOC"), new EntitySpan(5, 6, "LOC"), new EntitySpan(6, 7, "LOC")], spans);
    }

    [Fact]
    public void Spans_EntityAtSentenceEnd_Closed()
    {
        Assert.Equal([new EntitySpan(1, 3, "ORG")], EntityMetrics.Spans(["O", "B-ORG", "I-ORG"]));
    }

    [Fact]
    public void Score_BoundaryError_NeitherPrecisionNorRecall()
    {
        // Gold PER(0,2), LOC(3,4); predicted PER(0,1) (too short) and LOC(3,4): 1 of 2 right each way.
        var scores = EntityMetrics.Score([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "O", "O", "B-LOC"]]);

        Assert.Equal(new EntityScores(0.5, 0.5, 0.5, 2, 2, 1), scores);
    }

    [Fact]
    public void Score_TypeErrorAndExtraToken_HandCase()
    {
        // Computed by hand: sentence 1 gold PER(0,2), ORG(3,4); predicted PER(0,2) only.
        // Sentence 2 gold LOC(0,1); predicted LOC(0,2) (boundary too long).
        // Gold 3, predicted 2, correct 1 → P 1/2, R 1/3, F1 = 2·(1/6)/(5/6) = 0.4.
        string[][] gold = [["B-PER", "I-PER", "O", "B-ORG"], ["B-LOC", "O"]];
        string[][] predicted = [["B-PER", "I-PER", "O", "O"], ["B-LOC", "I-LOC"]];

        var scores = EntityMetrics.Score(gold, predicted);

        Assert.Equal(0.5, scores.Precision, 12);
        Assert.Equal(1.0 / 3, scores.Recall, 12);
        Assert.Equal(0.4, scores.F1, 12);
    }

    [Fact]
    public void ScoreByType_HandCase_PerTypeF1()
    {
        string[][] gold = [["B-PER", "I-PER", "O", "B-ORG"], ["B-LOC", "O"]];
        string[][] predicted = [["B-PER", "I-PER", "O", "O"], ["B-LOC", "I-LOC"]];

        var byType = EntityMetrics.ScoreByType(gold, predicted);

        Assert.Equal(["LOC", "ORG", "PER"], byType.Keys);
        Assert.Equal(1, byType["PER"].F1);
        Assert.Equal(new EntityScores(0, 0, 0, 1, 0, 0), byType["ORG"]);
        Assert.Equal(new EntityScores(0, 0, 0, 1, 1, 0), byType["LOC"]);
    }

    [Fact]
    public void Score_WrongType_NotCorrect()
    {
        var scores = EntityMetrics.Score([["B-PER", "O"]], [["B-LOC", "O"]]);

        Assert.Equal(0, scores.F1);
        Assert.Equal(1, scores.Gold);
        Assert.Equal(1, scores.Predicted);
    }

    [Fact]
    public void Score_NoEntitiesAnywhere_ZeroNotNaN()
    {
        var scores = EntityMetrics.Score([["O", "O"]], [["O", "O"]]);

        Assert.Equal(new EntityScores(0, 0, 0, 0, 0, 0), scores);
    }

    [Fact]
    public void Score_DifferentSentenceLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => EntityMetrics.Score([["O", "O"]], [["O"]]));
    }
}
