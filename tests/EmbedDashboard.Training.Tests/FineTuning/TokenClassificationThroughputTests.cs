using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Training.FineTuning;
using Xunit.Abstractions;

namespace EmbedDashboard.Training.Tests.FineTuning;

/// <summary>MiniLM NER fine-tuning speed on 200 WNUT-17 training sentences (EMBED_FT_BENCH=1; figures for people, not asserts).</summary>
public sealed class TokenClassificationThroughputTests(ITestOutputHelper output)
{
    private const string Wnut = "/work/shared/datasets/ner-wnut17/wnut17train.conll";

    [BenchmarkFact]
    public void Train_MiniLmWnut200_ReportsSentencesPerSecond()
    {
        FineTuneFixtures.InitTorch();
        using var stream = File.OpenRead(Wnut);
        var sentences = ConllImporter.Import(stream, Wnut).Items.Take(200).ToList();
        var tagNames = sentences.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var tags = sentences.Select(s => (IReadOnlyList<int>)s.Tags.Select(t => tagNames.IndexOf(t)).ToArray()).ToList();
        var words = sentences.Select(s => s.Tokens).ToList();
        output.WriteLine($"{sentences.Count} sentences, {words.Sum(w => w.Count)} words, {tagNames.Count} tags");
        // One warm-up step first: libtorch's first forward/backward allocates and would be billed to whichever setting runs first.
        TokenClassificationFineTuner.Train(FineTuneFixtures.MiniLm, FineTuneFixtures.VocabPath, words, tags, tagNames.Count, new FineTuneOptions { MaxExamples = 16 }, null, CancellationToken.None);
        foreach (var last in new[] { 2, 0 })
        {
            var options = new FineTuneOptions { TrainLastLayers = last, BatchSize = 16, MaxTokens = 128, LearningRate = 5e-5 };
            var result = TokenClassificationFineTuner.Train(FineTuneFixtures.MiniLm, FineTuneFixtures.VocabPath, words, tags, tagNames.Count, options, null, CancellationToken.None);
            var steps = result.Curve.Zip(result.Curve.Skip(1), (a, b) => b.Seconds - a.Seconds).Order().ToList();
            var median = steps[steps.Count / 2];
            output.WriteLine($"TrainLastLayers={last}: {result.ExamplesPerSecond:0.0} sentences/s over the loop ({result.Elapsed.TotalSeconds:0} s with loading), " +
                $"{16 / median:0.0} at the median step; loss {result.Curve[0].Loss:0.###} → {result.Curve[^1].Loss:0.###}");
        }
    }
}
