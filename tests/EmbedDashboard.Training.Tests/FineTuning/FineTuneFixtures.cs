using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.Tests.FineTuning;

/// <summary>Shared models, corpora and helpers for the fine-tuning tests.</summary>
internal static class FineTuneFixtures
{
    public static string ModelDir => Path.Combine(AppPaths.Root(), "models", "minilm-l6-v2");
    public static string VocabPath => Path.Combine(ModelDir, "vocab.txt");
    public static string OnnxPath => Path.Combine(ModelDir, "model.onnx");

    private static readonly Lazy<BertWeights> MiniLmLazy = new(() =>
        BertWeights.Load(Path.Combine(ModelDir, "model.fp16.safetensors"), Path.Combine(ModelDir, "config.json")));

    /// <summary>all-MiniLM-L6-v2, loaded once (read-only: records are never mutated by the trainer).</summary>
    public static BertWeights MiniLm => MiniLmLazy.Value;

    /// <summary>
    /// A tiny random BERT with the real vocabulary size, so the real tokenizer's ids are valid and
    /// the exported model can be served by OnnxSentenceEncoder with vocab.txt.
    /// </summary>
    public static BertConfig TinyConfig { get; } = new()
    {
        HiddenSize = 32, Layers = 2, Heads = 4, IntermediateSize = 64, VocabSize = 30522, MaxPositions = 512,
        TypeVocabSize = 2, HiddenAct = "gelu", LayerNormEps = 1e-12,
    };

    public static void InitTorch()
    {
        LibTorchCompat.EnsureLoadable();
        torch.set_num_threads(2);
    }

    public static OnnxSentenceEncoder OpenEncoder(string onnxPath, int dimension) =>
        new(onnxPath, VocabPath, new EmbedderInfo("test", "test", EmbedderKind.FineTunedEncoder, dimension, 0, "", "test", "test"),
            intraOpThreads: 2, cache: EmbeddingCache.Disabled());

    /// <summary>TorchSharp eval-mode sentence vectors (mean-pooled, normalised), tokenised as the engine does.</summary>
    public static float[][] TorchVectors(BertWeights weights, OnnxSentenceEncoder tokenizerSource, IReadOnlyList<string> texts, int maxTokens = 256)
    {
        using var encoder = TorchBertEncoder.FromWeights(weights);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (ids, mask) = TorchBertEncoder.Pad(texts.Select(t => tokenizerSource.Tokenize(t, maxTokens)).ToList());
        var vectors = encoder.Embed(ids, mask);
        return Enumerable.Range(0, texts.Count).Select(i => vectors[i].data<float>().ToArray()).ToArray();
    }

    /// <summary>
    /// Exports <paramref name="trained"/> with the project's exporter, serves it with the shared ONNX engine and checks
    /// that every probe's sentence vector equals TorchSharp's within 1e-4 — and that training moved the last layer,
    /// else the equality proves nothing about the training.
    /// </summary>
    public static async Task AssertExportReproducesTorchAsync(BertWeights start, BertWeights trained, string[] probe)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ft-{Guid.NewGuid():N}.onnx");
        try
        {
            BertOnnxExporter.Export(trained, path);
            using var onnx = OpenEncoder(path, trained.Config.HiddenSize);
            var served = await onnx.EmbedAsync(probe, EmbedOptions.Default);
            var torchVectors = TorchVectors(trained, onnx, probe);
            for (var i = 0; i < probe.Length; i++)
            {
                var difference = MaxAbsDifference(served.Row(i), torchVectors[i]);
                Assert.True(difference < 1e-4f, $"text {i}: ONNX and TorchSharp differ by {difference}");
            }

            Assert.True(MaxAbsDifference(start.Layers[^1].Output.Weight, trained.Layers[^1].Output.Weight) > 1e-6f);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static float MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0f;
        for (var i = 0; i < a.Length; i++) max = MathF.Max(max, MathF.Abs(a[i] - b[i]));
        return max;
    }

    /// <summary>
    /// Two topics with disjoint vocabularies (weather vs cooking), so a linear head on mean-pooled
    /// vectors can separate them and the contrastive objectives can tell texts apart.
    /// </summary>
    public static (string[] Texts, int[] Labels) ToyCorpus()
    {
        string[] weather = ["rain falls on the hills", "a cold wind blows from the north", "the storm brings thunder and hail", "sunny skies and a warm breeze", "snow covers the mountain pass", "fog rolls over the harbour at dawn", "heavy clouds gather before the rain", "the forecast says frost tonight"];
        string[] cooking = ["chop the onions and fry them in butter", "bake the bread for forty minutes", "stir the soup and add some salt", "whisk the eggs with sugar and flour", "roast the chicken with garlic", "simmer the sauce until it thickens", "knead the dough and let it rise", "grill the fish with lemon and herbs"];
        var texts = weather.Concat(cooking).ToArray();
        var labels = weather.Select(_ => 0).Concat(cooking.Select(_ => 1)).ToArray();
        return (texts, labels);
    }
}
