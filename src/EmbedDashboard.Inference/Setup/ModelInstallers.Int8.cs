using EmbedDashboard.Inference.Assets;
using EmbedDashboard.Inference.Bert;

namespace EmbedDashboard.Inference.Setup;

internal static partial class ModelInstallers
{
    /// <summary>
    /// all-MiniLM-L6-v2 · int8, exported from the installed MiniLM folder's safetensors (so it needs no download):
    /// its own folder and embedder, so experiments show its accuracy and cost beside fp32.
    /// </summary>
    public static async Task InstallMiniLmInt8Async(string miniLmFolder, string target, IProgress<string>? log, CancellationToken cancellationToken)
    {
        await BuildThenSwapAsync(target, async build =>
        {
            log?.Report("Exporting all-MiniLM-L6-v2 · int8 to ONNX…");
            foreach (var file in new[] { ModelLayout.VocabFileName, "config.json" })
            {
                File.Copy(Path.Combine(miniLmFolder, file), Path.Combine(build, file));
            }

            await Task.Run(() => BertOnnxExporter.Export(Path.Combine(miniLmFolder, "model.fp16.safetensors"), Path.Combine(miniLmFolder, "config.json"),
                Path.Combine(build, ModelLayout.OnnxFileName), WeightPrecision.Int8), cancellationToken);
            await ProvenanceWriter.WriteAsync(build, "MODEL.md", AssetManifest.MiniLm,
                $"model.onnx exported by EmbedDashboard's BertOnnxExporter with WeightPrecision.Int8 from {ModelLayout.MiniLmId}/model.fp16.safetensors " +
                "(fp16 up-cast to fp32, then every linear layer's weights quantized to int8 per output channel, symmetric; activations " +
                "quantized to uint8 at run time by DynamicQuantizeLinear; embeddings, LayerNorm and attention products stay fp32). " +
                $"vocab.txt and config.json copied from {ModelLayout.MiniLmId}/.",
                [ModelLayout.OnnxFileName, ModelLayout.VocabFileName, "config.json"], cancellationToken);
        });
    }
}
