using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmbedDashboard.Inference.Bert;

/// <summary>The config.json fields that shape a BERT-family encoder.</summary>
public sealed record BertConfig
{
    [JsonPropertyName("hidden_size")] public int HiddenSize { get; init; }
    [JsonPropertyName("num_hidden_layers")] public int Layers { get; init; }
    [JsonPropertyName("num_attention_heads")] public int Heads { get; init; }
    [JsonPropertyName("intermediate_size")] public int IntermediateSize { get; init; }
    [JsonPropertyName("hidden_act")] public string HiddenAct { get; init; } = "gelu";
    [JsonPropertyName("layer_norm_eps")] public double LayerNormEps { get; init; } = 1e-12;
    [JsonPropertyName("vocab_size")] public int VocabSize { get; init; }
    [JsonPropertyName("max_position_embeddings")] public int MaxPositions { get; init; } = 512;
    [JsonPropertyName("type_vocab_size")] public int TypeVocabSize { get; init; } = 2;

    public int HeadDim => HiddenSize / Heads;

    public static BertConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model config not found: {Path.GetFullPath(path)}", path);
        }

        var config = JsonSerializer.Deserialize<BertConfig>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"Empty config: {Path.GetFullPath(path)}");
        config.Validate(path);
        return config;
    }

    public void Validate(string source = "config")
    {
        if (HiddenSize <= 0 || Layers <= 0 || Heads <= 0 || IntermediateSize <= 0 || VocabSize <= 0)
        {
            throw new InvalidDataException($"{source}: hidden_size, num_hidden_layers, num_attention_heads, intermediate_size and vocab_size must be positive.");
        }

        if (HiddenSize % Heads != 0)
        {
            throw new InvalidDataException($"{source}: hidden_size {HiddenSize} is not divisible by num_attention_heads {Heads}.");
        }

        if (HiddenAct is not ("gelu" or "gelu_new" or "relu" or "gelu_python"))
        {
            throw new InvalidDataException($"{source}: hidden_act '{HiddenAct}' is not supported (gelu, gelu_new, relu).");
        }
    }
}
