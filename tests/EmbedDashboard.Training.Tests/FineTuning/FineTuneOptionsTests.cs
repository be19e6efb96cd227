using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Training.Tests.FineTuning;

public sealed class FineTuneOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(new FineTuneOptions().Validate(FineTuneFixtures.TinyConfig));

    [Fact]
    public void Validate_BadValues_NamesEachProblem()
    {
        var options = new FineTuneOptions { Epochs = 0, BatchSize = 0, LearningRate = -1, Temperature = 0, MaxTokens = 1, TrainLastLayers = 3, TimeBudget = TimeSpan.Zero, MaxExamples = -1 };

        var problems = options.Validate(FineTuneFixtures.TinyConfig); // TinyConfig has 2 layers

        foreach (var word in new[] { "Epochs", "BatchSize", "LearningRate", "Temperature", "MaxTokens", "TrainLastLayers", "TimeBudget", "MaxExamples" })
        {
            Assert.Contains(problems, p => p.StartsWith(word, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_ContrastiveBatchOfOne_Rejected()
    {
        var problems = new FineTuneOptions { Objective = FineTuneObjective.ContrastiveDropout, BatchSize = 1 }.Validate();

        Assert.Contains(problems, p => p.Contains("negatives", StringComparison.Ordinal));
    }

    [Fact]
    public void RandomSpan_SeededDraws_StayContiguousAndWithin30To90Percent()
    {
        var tokens = Enumerable.Range(100, 20).ToArray();
        var rng = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var span = EncoderFineTuner.RandomSpan(tokens, rng);
            Assert.InRange(span.Length, 6, 18); // 30 % and 90 % of 20
            Assert.Equal(Enumerable.Range(span[0], span.Length), span); // consecutive ids = contiguous span
        }
    }
}
