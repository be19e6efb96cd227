using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Runner.Tests.Layers;

/// <summary>
/// A tiny random BERT "base" and a "fine-tuned" copy whose last layer alone was replaced (as last-1 training leaves the
/// rest), each a real model.onnx + config.json + vocab.txt folder served by the ONNX engine.
/// </summary>
internal sealed class TinyBertEncoders : IDisposable
{
    public static readonly string[] Words = ["good", "great", "fine", "nice", "happy", "bad", "awful", "poor", "sad", "terrible", "the", "movie", "was", "very", "not", "film", "plot", "acting"];

    public TinyBertEncoders()
    {
        var root = Directory.CreateTempSubdirectory("embeddash-tiny-bert-").FullName;
        string[] vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. Words];
        var config = new BertConfig { HiddenSize = 16, Layers = 2, Heads = 2, IntermediateSize = 32, VocabSize = vocab.Length, MaxPositions = 64, TypeVocabSize = 2 };
        BaseWeights = BertWeights.Random(config, seed: 1);
        var donor = BertWeights.Random(config, seed: 2);
        TunedWeights = BaseWeights with { Layers = [BaseWeights.Layers[0], donor.Layers[1]] };
        Base = Write(Path.Combine(root, "base"), BaseWeights, vocab, new EmbedderInfo("tiny-base", "Tiny base", EmbedderKind.SentenceEncoder, 16, 0, "sha-base", "test", "") { Profile = EncoderProfile.Default });
        Tuned = Write(Path.Combine(root, "tuned"), TunedWeights, vocab, new EmbedderInfo("tiny-ft", "Tiny ft", EmbedderKind.FineTunedEncoder, 16, 0, "sha-ft", "test", "") { Profile = EncoderProfile.Default, BaseEmbedderId = "tiny-base" });
    }

    public BertWeights BaseWeights { get; }
    public BertWeights TunedWeights { get; }
    public OnnxSentenceEncoder Base { get; }
    public OnnxSentenceEncoder Tuned { get; }

    private static OnnxSentenceEncoder Write(string folder, BertWeights weights, string[] vocab, EmbedderInfo info)
    {
        Directory.CreateDirectory(folder);
        BertOnnxExporter.Export(weights, Path.Combine(folder, "model.onnx"));
        File.WriteAllText(Path.Combine(folder, "config.json"), System.Text.Json.JsonSerializer.Serialize(weights.Config));
        File.WriteAllText(Path.Combine(folder, "vocab.txt"), string.Join('\n', vocab) + "\n");
        return new OnnxSentenceEncoder(Path.Combine(folder, "model.onnx"), Path.Combine(folder, "vocab.txt"), info, 1, EmbeddingCache.Disabled());
    }

    public void Dispose()
    {
        Base.Dispose();
        Tuned.Dispose();
    }
}
