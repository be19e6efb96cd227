using System.Text.Json;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Inference.Import.Encoders;

/// <summary>
/// What a sentence-transformers folder says about turning token vectors into a text vector: modules.json
/// (which modules, in which sub-folders), the Pooling module's config.json, whether a Normalize module
/// follows, sentence_bert_config.json's max_seq_length and config_sentence_transformers.json's prompts.
/// A plain Hugging Face folder has none of them: mean pooling, as sentence-transformers itself assumes.
/// </summary>
internal static class SentenceTransformersConfig
{
    private const string PoolingModule = "sentence_transformers.models.Pooling";
    private const string NormalizeModule = "sentence_transformers.models.Normalize";
    private const string TransformerModule = "sentence_transformers.models.Transformer";

    public sealed record Found(Pooling Pooling, bool Normalize, int? MaxSeqLength, string? QueryPrompt, string? PassagePrompt, IReadOnlyList<string> Notes);

    public static Found Read(string folder)
    {
        var notes = new List<string>();
        var pooling = Pooling.Mean;
        var normalize = false;
        var modulesPath = Path.Combine(folder, "modules.json");
        if (File.Exists(modulesPath))
        {
            using var modules = ParseJson(modulesPath);
            if (modules.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ModelImportException("modules.json should be a JSON list of modules.");
            }

            foreach (var module in modules.RootElement.EnumerateArray())
            {
                var type = module.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                var path = module.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "";
                switch (type)
                {
                    case TransformerModule:
                        break;
                    case PoolingModule:
                        pooling = ReadPooling(Path.Combine(folder, path, "config.json"), path);
                        break;
                    case NormalizeModule:
                        normalize = true;
                        break;
                    default:
                        // A Dense or other module after pooling changes the vector; serving the encoder without it would be a different model.
                        throw new ModelImportException(
                            $"modules.json has a '{type}' module ({path}) that the app cannot apply; only Transformer → Pooling → Normalize pipelines are supported.");
                }
            }
        }
        else
        {
            notes.Add("No modules.json: mean pooling (as sentence-transformers assumes for a plain Hugging Face model).");
        }

        int? maxSeq = null;
        var sbert = Path.Combine(folder, "sentence_bert_config.json");
        if (File.Exists(sbert))
        {
            using var doc = ParseJson(sbert);
            if (doc.RootElement.TryGetProperty("max_seq_length", out var m) && m.TryGetInt32(out var n) && n > 2)
            {
                maxSeq = n;
            }
        }

        string? query = null, passage = null;
        var st = Path.Combine(folder, "config_sentence_transformers.json");
        if (File.Exists(st))
        {
            using var doc = ParseJson(st);
            if (doc.RootElement.TryGetProperty("prompts", out var prompts) && prompts.ValueKind == JsonValueKind.Object)
            {
                query = prompts.TryGetProperty("query", out var q) ? q.GetString() : null;
                passage = prompts.TryGetProperty("passage", out var ps) ? ps.GetString() : prompts.TryGetProperty("document", out var d) ? d.GetString() : null;
            }
        }

        return new Found(pooling, normalize, maxSeq, string.IsNullOrEmpty(query) ? null : query, string.IsNullOrEmpty(passage) ? null : passage, notes);
    }

    private static Pooling ReadPooling(string configPath, string module)
    {
        if (!File.Exists(configPath))
        {
            throw new ModelImportException($"modules.json names a Pooling module in '{module}', but {module}/config.json is missing.");
        }

        using var doc = ParseJson(configPath);
        bool Mode(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        var modes = new List<Pooling>();
        if (Mode("pooling_mode_cls_token")) modes.Add(Pooling.Cls);
        if (Mode("pooling_mode_mean_tokens")) modes.Add(Pooling.Mean);
        if (Mode("pooling_mode_max_tokens")) modes.Add(Pooling.Max);
        var unsupported = new[] { "pooling_mode_mean_sqrt_len_tokens", "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken" }.Where(Mode).ToList();
        if (unsupported.Count > 0 || modes.Count > 1)
        {
            throw new ModelImportException(
                $"{module}/config.json asks for {string.Join(" + ", unsupported.Concat(modes.Select(m => m.ToString())))} pooling; the app pools by exactly one of CLS, mean or max. Choose one with the pooling option.");
        }

        return modes.Count == 1 ? modes[0] : Pooling.Mean;
    }

    internal static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ModelImportException($"{Path.GetFileName(path)} is not valid JSON: {ex.Message}", ex);
        }
    }
}
