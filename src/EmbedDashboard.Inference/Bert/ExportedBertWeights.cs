using EmbedDashboard.Inference.Onnx;

namespace EmbedDashboard.Inference.Bert;

/// <summary>
/// The weights of a model.onnx written by <see cref="BertOnnxExporter"/>, back as <see cref="BertWeights"/>: the exporter
/// keeps the Hugging Face tensor names and stores each dense weight transposed as "&lt;name&gt;.weight_t" [in, out].
/// Built-in MiniLM, safetensors imports and fine-tuned encoders are all such models; an ONNX file from elsewhere
/// (arctic-embed, an ONNX import) has other names and is refused with the first one missing.
/// </summary>
public static class ExportedBertWeights
{
    public static BertWeights Load(string onnxPath, string configPath)
    {
        var config = BertConfig.Load(configPath);
        var initializers = OnnxInitializers.ReadFloat(onnxPath);
        var tensors = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        foreach (var (name, t) in initializers)
        {
            if (name.EndsWith(".weight_t", StringComparison.Ordinal) && t.Dims.Length == 2)
            {
                int rows = (int)t.Dims[0], cols = (int)t.Dims[1];
                var back = new float[t.Data.Length];
                for (var i = 0; i < rows; i++)
                {
                    for (var o = 0; o < cols; o++) back[o * rows + i] = t.Data[i * cols + o];
                }

                tensors[name[..^2]] = new NamedTensor(name[..^2], [cols, rows], back);
            }
            else
            {
                tensors[name] = new NamedTensor(name, t.Dims.Select(d => (int)d).ToArray(), t.Data);
            }
        }

        // An int8 export keeps its linear layers as quantized integers (".weight_scale" beside them), which this reader
        // does not turn back into floats: say so rather than fail on the first missing fp32 weight.
        if (tensors.Keys.Any(n => n.EndsWith(".weight_scale", StringComparison.Ordinal) || n.EndsWith(".weight_scales", StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"{Path.GetFullPath(onnxPath)} is an int8 export: its layer-by-layer analysis is not supported; analyse its fp32 base instead.");
        }

        if (!tensors.ContainsKey("embeddings.word_embeddings.weight"))
        {
            throw new InvalidDataException($"{Path.GetFullPath(onnxPath)} was not written by this app's BERT exporter (it has no 'embeddings.word_embeddings.weight' initializer), so its layers cannot be read.");
        }

        return BertWeights.FromTensors(config, tensors, Path.GetFullPath(onnxPath));
    }
}
