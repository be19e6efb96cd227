using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Training.Jobs;

namespace EmbedDashboard.Training.Tests.Jobs;

/// <summary>Pair datasets give the trainers their train split only; every test-only string is checked against what is trained on.</summary>
public sealed class PairTrainingDataTests
{
    private static DatasetEntity Dataset(TaskKind task) => new() { Id = 1, Name = "pairs", Task = task, Format = "test", ContentSha256 = "h", Source = "test" };

    /// <summary>Everything a trainer can read: the pairs' texts and the self-supervised texts.</summary>
    private static List<string> TrainedOn(TrainingData data) =>
        [.. data.TrainTexts, .. data.Pairs!.Train.SelectMany(p => new[] { p.Query, p.Passage })];

    private static void AssertNoTestText(TrainingData data, IEnumerable<string> testOnly)
    {
        var trained = TrainedOn(data);
        foreach (var text in testOnly)
        {
            Assert.DoesNotContain(trained, t => t.Contains(text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void FromFaq_TrainAndTestPairs_TestPairsNeverTrainedOn()
    {
        var items = Enumerable.Range(0, 20).Select(i => i % 4 == 0
            ? new FaqPair($"held-out question {i}", $"held-out answer {i}", "faq", Split.Test)
            : new FaqPair($"question {i}", $"answer {i}", "faq", Split.Train)).ToList();

        var data = TrainingData.FromFaq(Dataset(TaskKind.FaqRetrieval), items, 0, 13);

        Assert.Equal(15, data.Pairs!.Train.Count);
        Assert.Equal(5, data.Pairs.TestCount);
        Assert.Equal(30, data.TrainTexts.Count); // questions and answers of the training pairs
        AssertNoTestText(data, ["held-out"]);
    }

    [Fact]
    public void FromQa_AnswerSentenceIsThePositive_TestQuestionsAndContextsNeverTrainedOn()
    {
        const string context = "The sky is blue. Grass is green. Snow is white.";
        const string heldOut = "Held-out lemons are yellow. Held-out plums are purple.";
        var items = new List<QaExample>
        {
            new("1", context, "what colour is grass?", [new AnswerSpan(context.IndexOf("green", StringComparison.Ordinal), "green")], Split.Train),
            new("2", context, "what colour is snow?", [new AnswerSpan(context.IndexOf("white", StringComparison.Ordinal), "white")], Split.Train),
            new("3", heldOut, "held-out: what colour are lemons?", [new AnswerSpan(heldOut.IndexOf("yellow", StringComparison.Ordinal), "yellow")], Split.Test),
        };

        var data = TrainingData.FromQa(Dataset(TaskKind.QuestionAnswering), items, 0, 13);

        Assert.Equal(["Grass is green.", "Snow is white."], data.Pairs!.Train.Select(p => p.Passage).Order(StringComparer.Ordinal));
        Assert.Equal([context], data.TrainTexts);
        AssertNoTestText(data, ["held-out", "Held-out"]);
    }

    [Fact]
    public void FromScored_TrainAndTestPairs_TestPairsNeverTrainedOnAndUnscoredLeftOut()
    {
        var items = new List<ScoredPair>
        {
            new("a cat sits", "a cat is sitting", 4.5, Split.Train),
            new("a dog runs", "a man cooks", 0.5, Split.Train),
            new("no score here", "none", null, Split.Train),
            new("held-out one", "held-out two", 3, Split.Test),
        };

        var data = TrainingData.FromScored(Dataset(TaskKind.Sts), items, 0, 13);

        Assert.Equal(2, data.Pairs!.Train.Count);
        Assert.All(data.Pairs.Train, p => Assert.NotNull(p.Score));
        AssertNoTestText(data, ["held-out", "no score"]);
    }

    [Fact]
    public void FromFaq_AllTestSplit_RefusedSayingHowToImportATrainingSplit()
    {
        var items = new List<FaqPair> { new("q", "a", "faq"), new("q2", "a2", "faq") }; // a file imported alone: all Test

        var error = Assert.Throws<TrainingInputException>(() => TrainingData.FromFaq(Dataset(TaskKind.FaqRetrieval), items, 0, 13));

        Assert.Contains("no training pairs", error.Message);
        Assert.Contains("--test", error.Message);
    }

    [Fact]
    public void FromScored_MaxExamples_SeededSampleOfPairs()
    {
        var items = Enumerable.Range(0, 50).Select(i => new ScoredPair($"a{i}", $"b{i}", i % 5, i < 45 ? Split.Train : Split.Test)).ToList();

        var first = TrainingData.FromScored(Dataset(TaskKind.Sts), items, 10, 13);
        var again = TrainingData.FromScored(Dataset(TaskKind.Sts), items, 10, 13);

        Assert.Equal(10, first.Pairs!.Train.Count);
        Assert.Equal(first.Pairs.Train, again.Pairs!.Train);
    }
}
