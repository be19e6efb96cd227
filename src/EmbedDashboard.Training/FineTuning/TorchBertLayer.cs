using EmbedDashboard.Inference.Bert;
using TorchSharp;
using TorchSharp.Modules;
using Linear = TorchSharp.Modules.Linear;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// One BERT encoder layer in TorchSharp, written to match <see cref="BertReferenceModel"/> and the
/// graph of <see cref="BertOnnxExporter"/> operation by operation (scale after Q·Kᵀ, additive mask,
/// post-norm residuals), so weights trained here export without drift. Dropout (hidden and attention
/// probabilities, as in Hugging Face BERT) is active only in train mode.
/// </summary>
internal sealed class TorchBertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    // Field names become parameter names through RegisterComponents (Hugging Face-like, for debugging).
    internal readonly Linear query, key, value, attention_output, intermediate, output;
    internal readonly LayerNorm attention_norm, output_norm;
    private readonly int _heads, _headDim;
    private readonly string _activation;
    private readonly SeededDropout _dropout;

    public TorchBertLayer(BertConfig config, SeededDropout dropout, string name) : base(name)
    {
        int h = config.HiddenSize, inter = config.IntermediateSize;
        query = nn.Linear(h, h);
        key = nn.Linear(h, h);
        value = nn.Linear(h, h);
        attention_output = nn.Linear(h, h);
        attention_norm = nn.LayerNorm(h, config.LayerNormEps);
        intermediate = nn.Linear(h, inter);
        output = nn.Linear(inter, h);
        output_norm = nn.LayerNorm(h, config.LayerNormEps);
        _heads = config.Heads;
        _headDim = config.HeadDim;
        _activation = config.HiddenAct;
        _dropout = dropout;
        RegisterComponents();
    }

    /// <param name="x">[B, T, H] hidden states.</param>
    /// <param name="maskBias">[B, 1, 1, T]: 0 where attended, <see cref="BertOnnxExporter.MaskValue"/> at padding.</param>
    public override Tensor forward(Tensor x, Tensor maskBias)
    {
        long b = x.shape[0], t = x.shape[1], h = x.shape[2];
        Tensor SplitHeads(Tensor y) => y.view(b, t, _heads, _headDim).transpose(1, 2); // [B, heads, T, d]
        var q = SplitHeads(query.call(x));
        var k = SplitHeads(key.call(x));
        var v = SplitHeads(value.call(x));
        var scores = matmul(q, k.transpose(-1, -2)) * (1f / MathF.Sqrt(_headDim)) + maskBias;
        var probs = _dropout.Apply(nn.functional.softmax(scores, -1), training);
        var context = matmul(probs, v).transpose(1, 2).reshape(b, t, h);
        var attended = attention_norm.call(_dropout.Apply(attention_output.call(context), training) + x);
        var inner = Activate(intermediate.call(attended));
        return output_norm.call(_dropout.Apply(output.call(inner), training) + attended);
    }

    /// <summary>Same activation variants as the exporter: exact erf GELU by default, tanh GELU for gelu_new.</summary>
    private Tensor Activate(Tensor x) => _activation switch
    {
        "relu" => nn.functional.relu(x),
        "gelu_new" => 0.5f * x * (1f + tanh(MathF.Sqrt(2f / MathF.PI) * (x + 0.044715f * x * x * x))),
        _ => 0.5f * x * (1f + special.erf(x / MathF.Sqrt(2f))),
    };
}
