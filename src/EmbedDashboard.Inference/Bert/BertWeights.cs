namespace EmbedDashboard.Inference.Bert;

/// <summary>A linear layer in PyTorch layout: weight [out, in], bias [out].</summary>
public sealed record Linear(float[] Weight, float[] Bias, int In, int Out);

public sealed record LayerNormWeights(float[] Gamma, float[] Beta);

public sealed record BertLayerWeights(
    Linear Query,
    Linear Key,
    Linear Value,
    Linear AttentionOutput,
    LayerNormWeights AttentionNorm,
    Linear Intermediate,
    Linear Output,
    LayerNormWeights OutputNorm);

/// <summary>
/// All weights of a BERT encoder, validated against its config. In memory, so fine-tuning can
/// change them and export them again through the same exporter.
/// </summary>
public sealed record BertWeights(
    BertConfig Config,
    float[] WordEmbeddings,
    float[] PositionEmbeddings,
    float[] TokenTypeEmbeddings,
    LayerNormWeights EmbeddingNorm,
    IReadOnlyList<BertLayerWeights> Layers)
{
    public static BertWeights Load(string safetensorsPath, string configPath)
    {
        var config = BertConfig.Load(configPath);
        return FromTensors(config, SafetensorsReader.ReadAll(safetensorsPath), Path.GetFullPath(safetensorsPath));
    }

    public static BertWeights FromTensors(BertConfig config, IReadOnlyDictionary<string, NamedTensor> tensors, string source)
    {
        // Checkpoints saved from BertForX carry a "bert." prefix; BertModel checkpoints do not.
        var prefix = tensors.ContainsKey("bert.embeddings.word_embeddings.weight") ? "bert." : "";
        var h = config.HiddenSize;

        float[] Get(string name, params int[] shape)
        {
            if (!tensors.TryGetValue(prefix + name, out var t))
            {
                throw new InvalidDataException($"{source}: tensor '{prefix + name}' is missing.");
            }

            if (!t.Shape.SequenceEqual(shape))
            {
                throw new InvalidDataException($"{source}: tensor '{prefix + name}' has shape [{string.Join(",", t.Shape)}], config expects [{string.Join(",", shape)}].");
            }

            return t.Data;
        }

        Linear Lin(string name, int @in, int @out) => new(Get(name + ".weight", @out, @in), Get(name + ".bias", @out), @in, @out);
        LayerNormWeights Norm(string name) => new(Get(name + ".weight", h), Get(name + ".bias", h));

        var layers = Enumerable.Range(0, config.Layers).Select(i =>
        {
            var p = $"encoder.layer.{i}.";
            return new BertLayerWeights(
                Lin(p + "attention.self.query", h, h),
                Lin(p + "attention.self.key", h, h),
                Lin(p + "attention.self.value", h, h),
                Lin(p + "attention.output.dense", h, h),
                Norm(p + "attention.output.LayerNorm"),
                Lin(p + "intermediate.dense", h, config.IntermediateSize),
                Lin(p + "output.dense", config.IntermediateSize, h),
                Norm(p + "output.LayerNorm"));
        }).ToList();

        return new BertWeights(
            config,
            Get("embeddings.word_embeddings.weight", config.VocabSize, h),
            Get("embeddings.position_embeddings.weight", config.MaxPositions, h),
            Get("embeddings.token_type_embeddings.weight", config.TypeVocabSize, h),
            Norm("embeddings.LayerNorm"),
            layers);
    }

    /// <summary>The same weights as named tensors in the Hugging Face BertModel layout.</summary>
    public IEnumerable<NamedTensor> ToTensors()
    {
        var h = Config.HiddenSize;
        yield return new("embeddings.word_embeddings.weight", [Config.VocabSize, h], WordEmbeddings);
        yield return new("embeddings.position_embeddings.weight", [Config.MaxPositions, h], PositionEmbeddings);
        yield return new("embeddings.token_type_embeddings.weight", [Config.TypeVocabSize, h], TokenTypeEmbeddings);
        yield return new("embeddings.LayerNorm.weight", [h], EmbeddingNorm.Gamma);
        yield return new("embeddings.LayerNorm.bias", [h], EmbeddingNorm.Beta);
        for (var i = 0; i < Layers.Count; i++)
        {
            var p = $"encoder.layer.{i}.";
            var l = Layers[i];
            foreach (var (name, lin) in new[] { ("attention.self.query", l.Query), ("attention.self.key", l.Key), ("attention.self.value", l.Value), ("attention.output.dense", l.AttentionOutput), ("intermediate.dense", l.Intermediate), ("output.dense", l.Output) })
            {
                yield return new(p + name + ".weight", [lin.Out, lin.In], lin.Weight);
                yield return new(p + name + ".bias", [lin.Out], lin.Bias);
            }

            yield return new(p + "attention.output.LayerNorm.weight", [h], l.AttentionNorm.Gamma);
            yield return new(p + "attention.output.LayerNorm.bias", [h], l.AttentionNorm.Beta);
            yield return new(p + "output.LayerNorm.weight", [h], l.OutputNorm.Gamma);
            yield return new(p + "output.LayerNorm.bias", [h], l.OutputNorm.Beta);
        }
    }

    /// <summary>A small random encoder for tests (seeded).</summary>
    public static BertWeights Random(BertConfig config, int seed)
    {
        var rng = new System.Random(seed);
        float[] R(int n, float scale = 0.2f) => Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2 - 1) * scale)).ToArray();
        var h = config.HiddenSize;
        Linear Lin(int @in, int @out) => new(R(@in * @out), R(@out, 0.05f), @in, @out);
        LayerNormWeights Norm() => new(Enumerable.Range(0, h).Select(_ => 1f + (float)(rng.NextDouble() * 0.2 - 0.1)).ToArray(), R(h, 0.05f));
        var layers = Enumerable.Range(0, config.Layers).Select(_ => new BertLayerWeights(
            Lin(h, h), Lin(h, h), Lin(h, h), Lin(h, h), Norm(), Lin(h, config.IntermediateSize), Lin(config.IntermediateSize, h), Norm())).ToList();
        return new BertWeights(config, R(config.VocabSize * h, 1f), R(config.MaxPositions * h, 0.5f), R(config.TypeVocabSize * h, 0.5f), Norm(), layers);
    }
}
