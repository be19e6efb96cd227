using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training.FineTuning;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.Tests.FineTuning;

/// <summary>A synthetic tagging task, an exported model in a temp folder, and TorchSharp per-word vectors.</summary>
internal static class TokenClassificationFixtures
{
    public const int TagCount = 3; // 0 = O, 1 = B-LOC, 2 = B-PER

    /// <summary>
    /// Places are B-LOC and names B-PER wherever they stand, everything else O: learnable from the
    /// word alone, so even a tiny random BERT gets the loss down quickly.
    /// </summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Sentences, IReadOnlyList<IReadOnlyList<int>> Tags) ToyTagging()
    {
        string[] people = ["alice", "bob", "maria", "james"];
        string[] places = ["paris", "london", "berlin", "tokyo"];
        string[][] frames = [["{p}", "lives", "in", "{l}"], ["we", "met", "{p}", "near", "{l}", "yesterday"], ["{l}", "welcomed", "{p}"], ["the", "train", "to", "{l}", "left", "without", "{p}"]];
        var sentences = new List<IReadOnlyList<string>>();
        var tags = new List<IReadOnlyList<int>>();
        for (var i = 0; i < 16; i++)
        {
            var frame = frames[i % frames.Length];
            var (person, place) = (people[i % people.Length], places[(i / 4 + i) % places.Length]);
            sentences.Add(frame.Select(w => w == "{p}" ? person : w == "{l}" ? place : w).ToArray());
            tags.Add(frame.Select(w => w == "{p}" ? 2 : w == "{l}" ? 1 : 0).ToArray());
        }

        return (sentences, tags);
    }

    /// <summary>The weights exported with BertOnnxExporter and vocab.txt copied beside them, served by the engine.</summary>
    public sealed class ExportedModel : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tokft-{Guid.NewGuid():N}");

        public ExportedModel(BertWeights weights)
        {
            Directory.CreateDirectory(_folder);
            var model = Path.Combine(_folder, "model.onnx");
            var vocab = Path.Combine(_folder, "vocab.txt");
            BertOnnxExporter.Export(weights, model);
            File.Copy(FineTuneFixtures.VocabPath, vocab);
            Encoder = new OnnxSentenceEncoder(model, vocab,
                new EmbedderInfo("test", "test", EmbedderKind.FineTunedEncoder, weights.Config.HiddenSize, 0, "", "test", "test"),
                intraOpThreads: 2, cache: EmbeddingCache.Disabled());
        }

        public OnnxSentenceEncoder Encoder { get; }

        public void Dispose()
        {
            Encoder.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Eval-mode TorchSharp first-sub-token vectors of the kept words, in sentence then word order.</summary>
    public static float[][] TorchWordVectors(BertWeights weights, IReadOnlyList<WordTokens> layouts)
    {
        using var encoder = TorchBertEncoder.FromWeights(weights);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var states = TokenClassificationFineTuner.FirstTokenStates(encoder, layouts);
        return Enumerable.Range(0, (int)states.shape[0]).Select(i => states[i].data<float>().ToArray()).ToArray();
    }
}
