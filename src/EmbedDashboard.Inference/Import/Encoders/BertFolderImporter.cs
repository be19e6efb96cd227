using System.Diagnostics;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Inference.Setup;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace EmbedDashboard.Inference.Import.Encoders;

/// <summary>
/// Writes an inspected BERT folder into an (empty, temporary) target folder as the shared engine serves it:
/// model.onnx (copied, or exported from safetensors by the project's exporter), vocab.txt (LF line ends),
/// config.json. Then it embeds one text with the result, so a model that cannot run is refused at import,
/// not at a user's first experiment.
/// </summary>
internal static class BertFolderImporter
{
    private static readonly string[] KnownInputs = ["input_ids", "attention_mask", "token_type_ids"];

    public sealed record Built(int Dimension, double ExportSeconds, string WeightsNote);

    public static Built Build(BertFolder folder, string target, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var vocabTarget = Path.Combine(target, ModelLayout.VocabFileName);
        WriteVocab(folder, vocabTarget);
        CheckTokenizer(vocabTarget, folder);
        File.Copy(Path.Combine(folder.Root, "config.json"), Path.Combine(target, "config.json"));
        cancellationToken.ThrowIfCancellationRequested();

        var onnxTarget = Path.Combine(target, ModelLayout.OnnxFileName);
        var watch = Stopwatch.StartNew();
        string note;
        if (folder.WeightsSource == BertWeightsSource.Onnx)
        {
            log?.Report("Copying the ONNX model…");
            File.Copy(folder.WeightsPath, onnxTarget);
            CheckOnnx(onnxTarget, folder);
            note = $"{Path.GetRelativePath(folder.Root, folder.WeightsPath)} used as it is";
        }
        else
        {
            log?.Report("Reading the safetensors weights…");
            var weights = ReadWeights(folder);
            cancellationToken.ThrowIfCancellationRequested();
            log?.Report("Exporting to ONNX with the project's exporter…");
            BertOnnxExporter.Export(weights, onnxTarget);
            note = $"{Path.GetFileName(folder.WeightsPath)} exported to ONNX by BertOnnxExporter (opset {BertOnnxExporter.Opset})";
        }

        var exportSeconds = watch.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        SmokeTest(onnxTarget, vocabTarget, folder);
        return new Built(folder.Config.HiddenSize, exportSeconds, note);
    }

    private static void WriteVocab(BertFolder folder, string vocabTarget)
    {
        if (folder.VocabPath is { } vocab)
        {
            // Some packages ship CRLF vocabularies; BertTokenizer would keep the '\r' in every token.
            var lines = File.ReadAllLines(vocab);
            File.WriteAllText(vocabTarget, string.Join('\n', lines) + "\n");
            return;
        }

        try
        {
            VocabFile.WriteFromTokenizerJson(folder.TokenizerJsonPath!, vocabTarget);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ModelImportException($"tokenizer.json cannot be used: {ex.Message.Replace(folder.TokenizerJsonPath!, "tokenizer.json")}", ex);
        }
    }

    private static void CheckTokenizer(string vocabPath, BertFolder folder)
    {
        var count = File.ReadLines(vocabPath).Count();
        if (count > folder.Config.VocabSize)
        {
            throw new ModelImportException($"The vocabulary has {count:N0} tokens but config.json's vocab_size is {folder.Config.VocabSize:N0}: token ids past the embedding table would crash the model.");
        }

        try
        {
            var tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = folder.Profile.LowerCase });
            _ = tokenizer.EncodeToIds("hello world");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ModelImportException($"The WordPiece vocabulary cannot be used ({ex.Message}); a BERT vocabulary needs [UNK], [CLS], [SEP], [PAD] and [MASK].", ex);
        }
    }

    private static BertWeights ReadWeights(BertFolder folder)
    {
        try
        {
            var tensors = folder.WeightsSource == BertWeightsSource.ShardedSafetensors
                ? SafetensorsReader.ReadSharded(folder.WeightsPath)
                : SafetensorsReader.ReadAll(folder.WeightsPath);
            return BertWeights.FromTensors(folder.Config, tensors, Path.GetFileName(folder.WeightsPath));
        }
        catch (InvalidDataException ex)
        {
            throw new ModelImportException(ex.Message.Replace(folder.Root + Path.DirectorySeparatorChar, ""), ex);
        }
    }

    private static void CheckOnnx(string onnxPath, BertFolder folder)
    {
        try
        {
            using var session = new InferenceSession(onnxPath);
            var unknown = session.InputNames.Where(n => !KnownInputs.Contains(n)).ToList();
            if (unknown.Count > 0 || !session.InputNames.Contains("input_ids"))
            {
                throw new ModelImportException(
                    $"The ONNX model's inputs are {string.Join(", ", session.InputNames)}; the engine feeds input_ids (required), attention_mask and token_type_ids, matched by name.");
            }

            if (!session.OutputNames.Contains("last_hidden_state"))
            {
                throw new ModelImportException($"The ONNX model has no output named last_hidden_state (it has {string.Join(", ", session.OutputNames)}); the engine pools token vectors itself.");
            }

            var hidden = session.OutputMetadata["last_hidden_state"].Dimensions[^1];
            if (hidden > 0 && hidden != folder.Config.HiddenSize)
            {
                throw new ModelImportException($"The ONNX model outputs {hidden}-d token vectors but config.json's hidden_size is {folder.Config.HiddenSize}.");
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelImportException($"ONNX Runtime cannot load the model: {ex.Message}", ex);
        }
    }

    private static void SmokeTest(string onnxPath, string vocabPath, BertFolder folder)
    {
        var info = new EmbedderInfo("import-check", "import check", EmbedderKind.SentenceEncoder, folder.Config.HiddenSize, 0, "", "", "") { Profile = folder.Profile };
        try
        {
            using var encoder = new OnnxSentenceEncoder(onnxPath, vocabPath, info, intraOpThreads: 1, cache: EmbeddingCache.Disabled());
            var batch = encoder.EmbedAsync(["The model is being checked.", "a"], EmbedOptions.Default).GetAwaiter().GetResult();
            if (batch.Data.Any(v => !float.IsFinite(v)))
            {
                throw new ModelImportException("The model produced NaN or infinite values on a test sentence.");
            }
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InvalidDataException or InvalidOperationException)
        {
            throw new ModelImportException($"The model failed on a test sentence: {ex.Message}", ex);
        }
    }
}
