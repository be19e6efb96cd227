using System.Diagnostics;
using EmbedDashboard.Training.FineTuning;
using Xunit.Abstractions;

namespace EmbedDashboard.Training.Tests.FineTuning;

/// <summary>Runs only when EMBED_FT_BENCH=1: minutes of CPU, and the figures are for people, not asserts.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("EMBED_FT_BENCH") != "1") Skip = "Measurement; set EMBED_FT_BENCH=1 to run.";
    }
}

public sealed class FineTuneThroughputTests(ITestOutputHelper output)
{
    /// <summary>200 short texts, 4 classes (the verb phrase): every subject × verb phrase × place.</summary>
    private static (string[] Texts, int[] Labels) ShortTexts()
    {
        string[] subjects = ["the old man", "a young girl", "my neighbour", "the teacher", "our dog"];
        string[] actions = ["cooks dinner", "reads a book", "plays football", "paints the fence"];
        string[] places = ["in the garden", "at the station", "near the river", "after school", "on a rainy day", "with friends", "every morning", "in the kitchen", "by the sea", "at night"];
        var texts = new List<string>();
        var labels = new List<int>();
        foreach (var s in subjects)
        {
            for (var a = 0; a < actions.Length; a++)
            {
                foreach (var p in places)
                {
                    texts.Add($"{s} {actions[a]} {p}");
                    labels.Add(a);
                }
            }
        }

        return (texts.ToArray(), labels.ToArray());
    }

    [BenchmarkFact]
    public void Train_MiniLmSupervised_ReportsExamplesPerSecond()
    {
        FineTuneFixtures.InitTorch();
        var (texts, labels) = ShortTexts();
        foreach (var last in new[] { 2, 0 })
        {
            var options = new FineTuneOptions { TrainLastLayers = last, BatchSize = 16, MaxTokens = 128 };
            var memory = new List<long>();
            var progress = new InlineProgress(_ => memory.Add(Process.GetCurrentProcess().WorkingSet64 >> 20));
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var result = EncoderFineTuner.Train(FineTuneFixtures.MiniLm, FineTuneFixtures.VocabPath, texts, labels, 4, options, progress, CancellationToken.None);
            // The median step time is robust to other processes stealing the (2) cores for a while.
            var steps = result.Curve.Zip(result.Curve.Skip(1), (a, b) => b.Seconds - a.Seconds).Order().ToList();
            // CPU time is less sensitive to other processes on the machine than wall time (includes loading).
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var median = steps[steps.Count / 2];
            var fastest = steps[0];
            output.WriteLine($"{texts.Length} texts, TrainLastLayers={last}: {result.ExamplesPerSecond:0.0} ex/s over the loop ({result.Elapsed.TotalSeconds:0} s with loading), " +
                $"{16 / median:0.0} ex/s at the median step ({median * 1000:0} ms), {16 / fastest:0.0} at the fastest ({fastest * 1000:0} ms); loss {result.Curve[0].Loss:0.###} → {result.Curve[^1].Loss:0.###}; " +
                $"working set MiB after step 2 / last: {memory[1]} / {memory[^1]}; {cpuSeconds:0} CPU-s in all");
            output.WriteLine("  step ms: " + string.Join(" ", result.Curve.Zip(result.Curve.Skip(1), (a, b) => $"{(b.Seconds - a.Seconds) * 1000:0}")));
            Assert.Equal(texts.Length, result.ExamplesSeen);
        }
    }

    private sealed class InlineProgress(Action<TrainingProgress> action) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => action(value);
    }
}
