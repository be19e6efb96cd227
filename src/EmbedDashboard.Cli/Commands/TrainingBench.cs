using System.Globalization;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.BuiltIn;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// Training throughput on real IMDB reviews (train split, stratified): the fastText-style layer on
/// 2,000 reviews (5 epochs) with Adam and SGD, random and GloVe init; MiniLM fine-tuning (supervised,
/// 128 tokens, batch 16) on 160 reviews with the last 2 layers and with all layers trainable.
/// </summary>
internal static class TrainingBench
{
    public static void Run(string reviewsJson, string models, StaticWordEmbedder glove)
    {
        using var stream = File.OpenRead(reviewsJson);
        var items = ImdbConverter.Convert(stream, "reviews.json").Items.Where(i => i.Split == Split.Train).ToList();
        var sample = Sampling.Stratified(items, i => i.Label, 2000, 13);
        var labels = sample.Select(i => i.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var texts = sample.Select(i => i.Text).ToList();
        var y = sample.Select(i => labels.IndexOf(i.Label)).ToList();

        Console.WriteLine();
        Console.WriteLine($"{"training",-44} {"examples",9} {"examples/s",11} {"seconds",8}");
        foreach (var (name, options) in new (string, FastTextOptions)[]
        {
            ("layer 100d random, Adam", new FastTextOptions()),
            ("layer 100d random, SGD", new FastTextOptions { Optimizer = FastTextOptimizer.Sgd }),
            ("layer 100d GloVe init, Adam", new FastTextOptions { Init = EmbeddingInit.Glove }),
        })
        {
            var result = FastTextTrainer.Train(texts, y, labels.Count, options, options.Init == EmbeddingInit.Glove ? glove : null);
            Print(name, result.ExamplesSeen, result.ExamplesPerSecond, result.Elapsed.TotalSeconds);
        }

        var folder = ModelLayout.MiniLmDirectory(models);
        var weights = BertWeights.Load(Path.Combine(folder, "model.fp16.safetensors"), Path.Combine(folder, "config.json"));
        var few = Sampling.Stratified(sample, i => i.Label, 160, 13);
        foreach (var (name, last) in new[] { ("MiniLM supervised, last 2 layers", 2), ("MiniLM supervised, all layers", 0) })
        {
            var result = EncoderFineTuner.Train(weights, ModelLayout.MiniLmVocab(models), few.Select(i => i.Text).ToList(), few.Select(i => labels.IndexOf(i.Label)).ToList(), labels.Count,
                new FineTuneOptions { TrainLastLayers = last, MaxTokens = 128, BatchSize = 16 }, null, CancellationToken.None);
            Print(name, result.ExamplesSeen, result.ExamplesPerSecond, result.Elapsed.TotalSeconds);
        }
    }

    private static void Print(string name, int examples, double perSecond, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {examples,9:N0} {perSecond,11:N1} {seconds,8:N1}"));
}
