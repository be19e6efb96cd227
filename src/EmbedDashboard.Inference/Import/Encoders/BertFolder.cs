using System.Text.Json;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;

namespace EmbedDashboard.Inference.Import.Encoders;

/// <summary>Where a folder keeps its weights: an ONNX file used as it is, or safetensors to export.</summary>
public enum BertWeightsSource
{
    Onnx,
    Safetensors,
    ShardedSafetensors,
}

/// <summary>
/// A Hugging Face / sentence-transformers folder of a BERT-architecture encoder, inspected before anything is
/// written: its config, tokenizer, weights and pooling, each checked with a reason a user can act on.
/// </summary>
public sealed record BertFolder(
    string Root,
    BertConfig Config,
    BertWeightsSource WeightsSource,
    string WeightsPath,
    string? TokenizerJsonPath,
    string? VocabPath,
    EncoderProfile Profile,
    IReadOnlyList<string> Notes)
{
    /// <summary>model_type values that are BERT underneath (BertModel weights, WordPiece tokenizer).</summary>
    private static readonly HashSet<string> BertTypes = new(StringComparer.OrdinalIgnoreCase) { "bert" };

    public static bool LooksLikeOne(string folder) => File.Exists(Path.Combine(folder, "config.json"));

    public static BertFolder Inspect(string folder, EncoderOverrides overrides)
    {
        var root = Path.GetFullPath(folder);
        var configPath = Path.Combine(root, "config.json");
        if (!File.Exists(configPath))
        {
            throw new ModelImportException("No config.json: a Hugging Face encoder folder needs config.json (with model_type bert), a tokenizer and weights.");
        }

        var config = ReadConfig(configPath);
        var notes = new List<string>();
        var (tokenizerJson, vocab) = FindTokenizer(root);
        var lowerCase = overrides.LowerCase ?? DetectLowerCase(root, tokenizerJson, notes);
        var (source, weights) = FindWeights(root);
        var st = SentenceTransformersConfig.Read(root);
        notes.AddRange(st.Notes);
        var maxTokens = overrides.MaxTokens ?? st.MaxSeqLength ?? config.MaxPositions;
        if (maxTokens < 8 || maxTokens > config.MaxPositions)
        {
            throw new ModelImportException($"Max tokens {maxTokens} must be between 8 and the model's {config.MaxPositions} positions (max_position_embeddings).");
        }

        var profile = new EncoderProfile(
            overrides.Pooling ?? st.Pooling,
            st.Normalize,
            maxTokens,
            overrides.QueryPrefix ?? st.QueryPrompt ?? "",
            overrides.PassagePrefix ?? st.PassagePrompt ?? "",
            lowerCase);
        return new BertFolder(root, config, source, weights, tokenizerJson, vocab, profile, notes);
    }

    private static BertConfig ReadConfig(string configPath)
    {
        using (var doc = SentenceTransformersConfig.ParseJson(configPath))
        {
            var type = doc.RootElement.TryGetProperty("model_type", out var t) ? t.GetString() : null;
            if (type is null || !BertTypes.Contains(type))
            {
                throw new ModelImportException(
                    $"config.json says model_type '{type ?? "(none)"}'. Supported: BERT-architecture encoders (model_type bert — e.g. MiniLM, BGE, E5, GTE, arctic-embed, BioBERT, SciBERT). " +
                    "RoBERTa, DistilBERT, XLM-RoBERTa, ALBERT, DeBERTa and decoder models (GPT, Llama, …) are not supported.");
            }

            if (doc.RootElement.TryGetProperty("position_embedding_type", out var pos) && pos.GetString() is { } kind && kind != "absolute")
            {
                throw new ModelImportException($"config.json has position_embedding_type '{kind}'; only 'absolute' (BERT's) is supported.");
            }
        }

        try
        {
            var config = JsonSerializer.Deserialize<BertConfig>(File.ReadAllText(configPath))
                ?? throw new ModelImportException("config.json is empty.");
            config.Validate("config.json");
            return config;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new ModelImportException(ex.Message, ex);
        }
    }

    private static (string? TokenizerJson, string? Vocab) FindTokenizer(string root)
    {
        var tokenizerJson = Path.Combine(root, "tokenizer.json");
        var vocab = Path.Combine(root, "vocab.txt");
        if (!File.Exists(tokenizerJson) && !File.Exists(vocab))
        {
            throw new ModelImportException("No tokenizer: the folder needs tokenizer.json (WordPiece) or vocab.txt.");
        }

        return (File.Exists(tokenizerJson) ? tokenizerJson : null, File.Exists(vocab) ? vocab : null);
    }

    /// <summary>The tokenizer's normalizer says whether text is lower-cased (BertNormalizer.lowercase, or a Lowercase step).</summary>
    private static bool DetectLowerCase(string root, string? tokenizerJson, List<string> notes)
    {
        if (tokenizerJson is not null)
        {
            using var doc = SentenceTransformersConfig.ParseJson(tokenizerJson);
            if (doc.RootElement.TryGetProperty("normalizer", out var normalizer) && normalizer.ValueKind == JsonValueKind.Object)
            {
                return Lowercases(normalizer);
            }
        }

        var tokenizerConfig = Path.Combine(root, "tokenizer_config.json");
        if (File.Exists(tokenizerConfig))
        {
            using var doc = SentenceTransformersConfig.ParseJson(tokenizerConfig);
            if (doc.RootElement.TryGetProperty("do_lower_case", out var lower) && lower.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return lower.GetBoolean();
            }
        }

        notes.Add("The tokenizer does not say whether it lower-cases; lower-casing as BERT's uncased tokenizer does.");
        return true;
    }

    private static bool Lowercases(JsonElement normalizer)
    {
        var type = normalizer.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "BertNormalizer" => !normalizer.TryGetProperty("lowercase", out var l) || l.ValueKind != JsonValueKind.False,
            "Lowercase" => true,
            "Sequence" => normalizer.TryGetProperty("normalizers", out var list) && list.EnumerateArray().Any(Lowercases),
            _ => false,
        };
    }

    private static (BertWeightsSource, string) FindWeights(string root)
    {
        foreach (var onnx in new[] { Path.Combine(root, "model.onnx"), Path.Combine(root, "onnx", "model.onnx") })
        {
            if (File.Exists(onnx)) return (BertWeightsSource.Onnx, onnx);
        }

        var single = Path.Combine(root, "model.safetensors");
        if (File.Exists(single)) return (BertWeightsSource.Safetensors, single);
        var index = Path.Combine(root, "model.safetensors.index.json");
        if (File.Exists(index)) return (BertWeightsSource.ShardedSafetensors, index);
        var pickled = new[] { "pytorch_model.bin", "tf_model.h5", "flax_model.msgpack" }.FirstOrDefault(f => File.Exists(Path.Combine(root, f)));
        throw new ModelImportException(pickled is null
            ? "No weights: the folder needs model.onnx (or onnx/model.onnx), model.safetensors, or model.safetensors.index.json with its shards."
            : $"Only {pickled} was found; the app reads model.safetensors or model.onnx (pickled and framework-specific checkpoints are not loaded — save the model with safetensors).");
    }
}

/// <summary>What the user chose at import; null = what the folder says.</summary>
public sealed record EncoderOverrides(Pooling? Pooling = null, int? MaxTokens = null, string? QueryPrefix = null, string? PassagePrefix = null, bool? LowerCase = null);
