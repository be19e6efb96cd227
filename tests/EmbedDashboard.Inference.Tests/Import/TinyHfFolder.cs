using System.Text.Json;
using EmbedDashboard.Inference.Bert;

namespace EmbedDashboard.Inference.Tests.Import;

/// <summary>
/// Writes a tiny random BERT in the Hugging Face / sentence-transformers layout, as a user would bring one:
/// config.json, tokenizer.json (WordPiece, lower-casing BertNormalizer), model.safetensors, and optionally
/// modules.json with a Pooling module (1_Pooling/config.json) and a Normalize module (2_Normalize).
/// </summary>
internal static class TinyHfFolder
{
    public static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat", "a", "dog", "model", "is", "being", "checked", ".", "hello", "world", "##s"];

    public static readonly BertConfig Config = new()
    {
        HiddenSize = 8, Layers = 2, Heads = 2, IntermediateSize = 16, VocabSize = Vocabulary.Length, MaxPositions = 32, TypeVocabSize = 2,
    };

    public static BertWeights Weights(int seed = 11) => BertWeights.Random(Config, seed);

    public static string Write(string folder, BertWeights weights, string pooling = "cls", bool normalize = true, bool sentenceTransformers = true, string modelType = "bert")
    {
        Directory.CreateDirectory(folder);
        WriteConfig(folder, modelType);
        WriteTokenizerJson(Path.Combine(folder, "tokenizer.json"));
        SafetensorsReader.WriteF32(Path.Combine(folder, "model.safetensors"), weights.ToTensors());
        if (sentenceTransformers)
        {
            var modules = new List<object>
            {
                new { idx = 0, name = "0", path = "", type = "sentence_transformers.models.Transformer" },
                new { idx = 1, name = "1", path = "1_Pooling", type = "sentence_transformers.models.Pooling" },
            };
            if (normalize) modules.Add(new { idx = 2, name = "2", path = "2_Normalize", type = "sentence_transformers.models.Normalize" });
            File.WriteAllText(Path.Combine(folder, "modules.json"), JsonSerializer.Serialize(modules));
            Directory.CreateDirectory(Path.Combine(folder, "1_Pooling"));
            File.WriteAllText(Path.Combine(folder, "1_Pooling", "config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["word_embedding_dimension"] = Config.HiddenSize,
                ["pooling_mode_cls_token"] = pooling == "cls",
                ["pooling_mode_mean_tokens"] = pooling == "mean",
                ["pooling_mode_max_tokens"] = pooling == "max",
            }));
            if (normalize) Directory.CreateDirectory(Path.Combine(folder, "2_Normalize"));
            File.WriteAllText(Path.Combine(folder, "sentence_bert_config.json"), """{"max_seq_length": 24, "do_lower_case": false}""");
        }

        return folder;
    }

    public static void WriteConfig(string folder, string modelType = "bert") =>
        File.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["architectures"] = new[] { "BertModel" },
            ["model_type"] = modelType,
            ["hidden_size"] = Config.HiddenSize,
            ["num_hidden_layers"] = Config.Layers,
            ["num_attention_heads"] = Config.Heads,
            ["intermediate_size"] = Config.IntermediateSize,
            ["hidden_act"] = "gelu",
            ["layer_norm_eps"] = 1e-12,
            ["vocab_size"] = Config.VocabSize,
            ["max_position_embeddings"] = Config.MaxPositions,
            ["type_vocab_size"] = Config.TypeVocabSize,
            ["position_embedding_type"] = "absolute",
        }));

    public static void WriteTokenizerJson(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            version = "1.0",
            normalizer = new { type = "BertNormalizer", clean_text = true, handle_chinese_chars = true, lowercase = true },
            pre_tokenizer = new { type = "BertPreTokenizer" },
            model = new
            {
                type = "WordPiece",
                unk_token = "[UNK]",
                continuing_subword_prefix = "##",
                max_input_chars_per_word = 100,
                vocab = Vocabulary.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i),
            },
        }));

    /// <summary>Token ids as BertTokenizer makes them for the words of this vocabulary: [CLS] words… [SEP].</summary>
    public static long[] Ids(string text) =>
        [2, .. text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (long)Array.IndexOf(Vocabulary, w)), 3];
}
