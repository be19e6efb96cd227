using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;
using EmbedDashboard.Core.Evaluation.Tasks;
using Xunit.Abstractions;

namespace EmbedDashboard.Core.Tests.Evaluation;

/// <summary>
/// The sizes the brief sets (a 5,000 × 384 probe; 19,544 analogy questions over 30,000 × 100
/// vectors) with generous time limits: they catch an accidental O(n²) or a lost vectorisation, not
/// small slowdowns, since the 2-core test machine is shared. Measured times go to the test output.
/// </summary>
public sealed class EvaluationSpeedTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void LogisticRegression_5000By384_FitsInSeconds(int classes)
    {
        const int n = 5000, d = 384;
        var x = ToyData.Uniform(n * d, seed: 1);
        // Labels from a random linear map plus noise, so the problem is learnable but not separable.
        var projection = ToyData.Uniform(classes * d, seed: 2);
        var noise = new Random(3);
        var y = Enumerable.Range(0, n).Select(i =>
        {
            var scores = Enumerable.Range(0, classes).Select(c => TensorPrimitives.Dot(x.AsSpan(i * d, d), projection.AsSpan(c * d, d)) + (float)(noise.NextDouble() * 4 - 2)).ToArray();
            return TensorPrimitives.IndexOfMax<float>(scores);
        }).ToArray();

        var watch = Stopwatch.StartNew();
        var model = LogisticRegression.Fit(x, n, d, y, classes);
        watch.Stop();
        var trainAccuracy = ClassificationMetrics.Accuracy(y, model.Predict(x, n));

        output.WriteLine($"{classes} classes: fit {watch.Elapsed.TotalSeconds:0.00} s, {model.Iterations} L-BFGS iterations, converged {model.Converged}, train accuracy {trainAccuracy:0.000}, {Environment.ProcessorCount} cores");
        Assert.True(trainAccuracy > 0.8, $"train accuracy {trainAccuracy}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"fit took {watch.Elapsed}");
    }

    [Fact]
    public async Task Analogy_19544QuestionsOver30000By100_SearchesInSeconds()
    {
        // Like questions-words.txt: 19,544 questions in 14 sections drawn from ~900 frequent words.
        const int n = 30_000, d = 100;
        var x = ToyData.Uniform(n * d, seed: 4);
        var vocabulary = Enumerable.Range(0, n).Select(i => $"w{i}").ToList();
        var random = new Random(5);
        var questions = Enumerable.Range(0, 19_544).Select(q => new AnalogyQuestion($"section{q % 14}", $"w{random.Next(900)}", $"w{random.Next(900)}", $"w{random.Next(900)}", $"w{random.Next(900)}")).ToList();

        var result = await AnalogyEvaluator.EvaluateAsync(new TableEmbedder(ToyData.Table(x, d, "w")), questions, vocabulary, new AnalogyOptions(), EmbedOptions.Default);

        output.WriteLine($"{result.Counts.Evaluated:N0} questions × {result.VocabularySize:N0} words: search {result.SearchTime.TotalSeconds:0.00} s, whole evaluation {result.Elapsed.TotalSeconds:0.00} s, {Environment.ProcessorCount} cores");
        Assert.Equal(19_544, result.Counts.Evaluated);
        Assert.Equal(30_000, result.VocabularySize);
        Assert.True(result.SearchTime < TimeSpan.FromSeconds(30), $"search took {result.SearchTime}");
    }
}
