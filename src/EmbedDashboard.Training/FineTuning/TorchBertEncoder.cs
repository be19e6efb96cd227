using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.Torch;
using TorchSharp;
using TorchSharp.Modules;
using TorchLinear = TorchSharp.Modules.Linear;
using WeightsLinear = EmbedDashboard.Inference.Bert.Linear;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// A BERT encoder in TorchSharp that is built from, and copies back to, <see cref="BertWeights"/>, so
/// a checkpoint can be fine-tuned here and exported with <see cref="BertOnnxExporter"/>. The forward
/// pass mirrors the exporter (token type 0 everywhere, as the engine feeds it). Dispose when done.
/// </summary>
public sealed class TorchBertEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>BERT's hidden and attention dropout (config hidden_dropout_prob / attention_probs_dropout_prob).</summary>
    public const double DefaultDropout = 0.1;

    internal readonly Embedding word_embeddings, position_embeddings, token_type_embeddings;
    internal readonly LayerNorm embedding_norm;
    internal readonly ModuleList<TorchBertLayer> layers;
    private readonly SeededDropout _dropout;

    private TorchBertEncoder(BertConfig config, double dropout) : base("bert")
    {
        Config = config;
        _dropout = new SeededDropout(dropout);
        word_embeddings = nn.Embedding(config.VocabSize, config.HiddenSize);
        position_embeddings = nn.Embedding(config.MaxPositions, config.HiddenSize);
        token_type_embeddings = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        embedding_norm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        layers = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(i => new TorchBertLayer(config, _dropout, $"layer{i}")).ToArray());
        RegisterComponents();
    }

    public BertConfig Config { get; }

    /// <summary>A module holding a copy of <paramref name="weights"/> (float32, CPU), in eval mode.</summary>
    public static TorchBertEncoder FromWeights(BertWeights weights, double dropout = DefaultDropout)
    {
        LibTorchCompat.EnsureLoadable();
        var c = weights.Config;
        var encoder = new TorchBertEncoder(c, dropout);
        using (no_grad())
        {
            Set(encoder.word_embeddings.weight!, weights.WordEmbeddings);
            Set(encoder.position_embeddings.weight!, weights.PositionEmbeddings);
            Set(encoder.token_type_embeddings.weight!, weights.TokenTypeEmbeddings);
            Set(encoder.embedding_norm, weights.EmbeddingNorm);
            for (var i = 0; i < c.Layers; i++)
            {
                var (t, w) = (encoder.layers[i], weights.Layers[i]);
                Set(t.query, w.Query);
                Set(t.key, w.Key);
                Set(t.value, w.Value);
                Set(t.attention_output, w.AttentionOutput);
                Set(t.attention_norm, w.AttentionNorm);
                Set(t.intermediate, w.Intermediate);
                Set(t.output, w.Output);
                Set(t.output_norm, w.OutputNorm);
            }
        }

        encoder.eval();
        return encoder;
    }

    /// <summary>The current parameters as plain arrays in the <see cref="BertWeights"/> layout (weights [out, in]).</summary>
    public BertWeights ToWeights()
    {
        using var scope = NewDisposeScope(); // the detached/contiguous views made while copying
        var c = Config;
        var list = layers.Select(t => new BertLayerWeights(
            Get(t.query), Get(t.key), Get(t.value), Get(t.attention_output), Get(t.attention_norm),
            Get(t.intermediate), Get(t.output), Get(t.output_norm))).ToList();
        return new BertWeights(c, Data(word_embeddings.weight!), Data(position_embeddings.weight!),
            Data(token_type_embeddings.weight!), Get(embedding_norm), list);
    }

    /// <summary>
    /// Makes only the last <paramref name="trainLastLayers"/> layers trainable (0 = everything,
    /// embeddings included): the rest gets requires_grad = false, so autograd records nothing for it.
    /// </summary>
    public void Freeze(int trainLastLayers)
    {
        if (trainLastLayers < 0 || trainLastLayers > Config.Layers)
        {
            throw new ArgumentOutOfRangeException(nameof(trainLastLayers), trainLastLayers, $"Must be 0 (all) to {Config.Layers}.");
        }

        var firstTrained = trainLastLayers == 0 ? -1 : Config.Layers - trainLastLayers;
        foreach (var p in new nn.Module[] { word_embeddings, position_embeddings, token_type_embeddings, embedding_norm }.SelectMany(m => m.parameters()))
        {
            p.requires_grad = firstTrained < 0;
        }

        for (var i = 0; i < Config.Layers; i++)
        {
            foreach (var p in layers[i].parameters()) p.requires_grad = firstTrained < 0 || i >= firstTrained;
        }
    }

    /// <summary>Restarts the dropout masks' own random stream (independent of torch.manual_seed).</summary>
    public void SeedDropout(int seed) => _dropout.Reseed(seed);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _dropout.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Parameters with requires_grad: the only ones an optimiser should see.</summary>
    public IReadOnlyList<Parameter> TrainableParameters() => parameters().Where(p => p.requires_grad).ToList();

    /// <summary>last_hidden_state [B, T, H] for ids and mask [B, T] (int64; mask 1 = token, 0 = padding).</summary>
    public Tensor Forward(Tensor ids, Tensor mask) => call(ids, mask);

    public override Tensor forward(Tensor ids, Tensor mask)
    {
        var positions = arange(ids.shape[1], dtype: ScalarType.Int64).unsqueeze(0);
        var x = word_embeddings.call(ids) + position_embeddings.call(positions) + token_type_embeddings.call(zeros_like(ids));
        x = _dropout.Apply(embedding_norm.call(x), training);
        var maskBias = ((1f - mask.to_type(ScalarType.Float32)) * BertOnnxExporter.MaskValue).unsqueeze(1).unsqueeze(2);
        foreach (var layer in layers) x = layer.call(x, maskBias);
        return x;
    }

    /// <summary>Attention-mask-weighted mean over tokens, [B, T, H] → [B, H] (as PoolingMath.MeanPool).</summary>
    public static Tensor MeanPool(Tensor hidden, Tensor mask)
    {
        var m = mask.to_type(ScalarType.Float32).unsqueeze(-1);
        return (hidden * m).sum(1) / m.sum(1).clamp_min(1e-9);
    }

    /// <summary>Mean-pooled, L2-normalised sentence vectors [B, H]: what the ONNX engine returns by default.</summary>
    public Tensor Embed(Tensor ids, Tensor mask) => nn.functional.normalize(MeanPool(Forward(ids, mask), mask), p: 2, dim: 1);

    /// <summary>Pads token-id sequences with id 0 ([PAD]) to the longest: ids and mask [B, T] int64.</summary>
    public static (Tensor Ids, Tensor Mask) Pad(IReadOnlyList<IReadOnlyList<int>> sequences)
    {
        var rows = sequences.Count;
        var length = sequences.Count == 0 ? 0 : sequences.Max(s => s.Count);
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        for (var r = 0; r < rows; r++)
        {
            for (var t = 0; t < sequences[r].Count; t++)
            {
                ids[r * length + t] = sequences[r][t];
                mask[r * length + t] = 1;
            }
        }

        return (tensor(ids, [rows, length]), tensor(mask, [rows, length]));
    }

    private static void Set(Parameter p, float[] data)
    {
        if (data.Length != p.numel()) throw new InvalidDataException($"Weight has {data.Length} values, parameter expects {p.numel()}.");
        using var source = tensor(data, p.shape);
        p.copy_(source);
    }

    private static void Set(TorchLinear target, WeightsLinear source)
    {
        Set(target.weight!, source.Weight);
        Set(target.bias!, source.Bias);
    }

    private static void Set(LayerNorm target, LayerNormWeights source)
    {
        Set(target.weight!, source.Gamma);
        Set(target.bias!, source.Beta);
    }

    private static float[] Data(Tensor t)
    {
        return t.detach().contiguous().reshape(-1).data<float>().ToArray();
    }

    private static WeightsLinear Get(TorchLinear l) =>
        new(Data(l.weight!), Data(l.bias!), (int)l.weight!.shape[1], (int)l.weight!.shape[0]);

    private static LayerNormWeights Get(LayerNorm n) => new(Data(n.weight!), Data(n.bias!));
}
