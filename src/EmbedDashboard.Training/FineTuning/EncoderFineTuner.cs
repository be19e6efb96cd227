using System.Diagnostics;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// Fine-tunes a BERT sentence encoder with TorchSharp (CPU) and returns the new weights, ready for
/// <see cref="BertOnnxExporter"/>. One optimiser step per batch; cancellation is checked between
/// steps; every step's tensors live in a dispose scope so memory stays flat over long runs.
/// </summary>
public static class EncoderFineTuner
{
    /// <summary>Clip the global gradient norm to this (as sentence-transformers' fit does) so an early large step cannot wreck pretrained weights.</summary>
    internal const double MaxGradNorm = 1.0;

    /// <summary>AdamW weight decay (the Hugging Face / sentence-transformers default).</summary>
    internal const double WeightDecay = 0.01;

    /// <param name="labels">Class index per text (0..classCount-1); required for Supervised, ignored otherwise.</param>
    public static FineTuneResult Train(
        BertWeights start,
        string vocabPath,
        IReadOnlyList<string> texts,
        IReadOnlyList<int>? labels,
        int classCount,
        FineTuneOptions options,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        CheckArguments(start, texts, labels, classCount, options);
        LibTorchCompat.EnsureLoadable();
        torch.set_num_threads(2);
        // Everything random is drawn from streams private to this run (order, subset, crops and the
        // head from rng; dropout from the encoder's generator), never from libtorch's global one, so a
        // seed reproduces the run even while other threads use TorchSharp.
        var rng = new Random(options.Seed);
        var watch = Stopwatch.StartNew();

        var tokenizer = new FineTuneTokenizer(vocabPath);
        var order = Enumerable.Range(0, texts.Count).ToArray();
        rng.Shuffle(order);
        var chosen = options.MaxExamples > 0 ? order.Take(options.MaxExamples).ToArray() : order;
        var content = chosen.Select(i => tokenizer.ContentIds(texts[i], options.MaxTokens)).ToArray();
        var targets = chosen.Select(i => labels?[i] ?? 0).ToArray();

        var contrastive = options.Objective != FineTuneObjective.Supervised;
        using var encoder = TorchBertEncoder.FromWeights(start);
        encoder.Freeze(options.TrainLastLayers);
        encoder.SeedDropout(options.Seed);
        using var head = contrastive ? null : NewHead(start.Config.HiddenSize, classCount, rng);
        using var optimizer = optim.AdamW(encoder.TrainableParameters(), options.LearningRate, weight_decay: WeightDecay);
        using var headOptimizer = head is null ? null : optim.AdamW(head.parameters(), options.HeadLearningRate, weight_decay: WeightDecay);
        var trainable = encoder.TrainableParameters().Concat(head?.parameters() ?? []).ToList();
        optim.Optimizer[] optimizers = headOptimizer is null ? [optimizer] : [optimizer, headOptimizer];
        return FineTuneLoop.Run(encoder, optimizers, trainable, chosen.Length, options, rng, watch, batch =>
        {
            if (contrastive && batch.Length < 2) return null; // a lone text has no negatives: nothing to learn
            return contrastive
                ? ContrastiveLoss(encoder, tokenizer, batch.Select(i => content[i]).ToArray(), options, rng)
                : SupervisedLoss(encoder, head!, tokenizer, batch.Select(i => content[i]).ToArray(), batch.Select(i => (long)targets[i]).ToArray());
        }, progress, cancellationToken);
    }

    /// <summary>A linear head with PyTorch's default init, U(-1/√in, 1/√in) for weight and bias, drawn from the run's seeded stream.</summary>
    internal static TorchSharp.Modules.Linear NewHead(int hidden, int classes, Random rng)
    {
        var head = nn.Linear(hidden, classes);
        var bound = 1 / Math.Sqrt(hidden);
        float[] Draw(int n) => Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2 - 1) * bound)).ToArray();
        using (no_grad())
        {
            using var w = tensor(Draw(hidden * classes), [classes, hidden]);
            using var b = tensor(Draw(classes), [classes]);
            head.weight!.copy_(w);
            head.bias!.copy_(b);
        }

        return head;
    }

    /// <summary>Mean-pooled embedding → linear head → cross-entropy.</summary>
    private static Tensor SupervisedLoss(TorchBertEncoder encoder, nn.Module<Tensor, Tensor> head, FineTuneTokenizer tokenizer, int[][] content, long[] targets)
    {
        var (ids, mask) = TorchBertEncoder.Pad(content.Select(c => (IReadOnlyList<int>)tokenizer.Wrap(c)).ToList());
        var pooled = TorchBertEncoder.MeanPool(encoder.Forward(ids, mask), mask);
        return nn.functional.cross_entropy(head.call(pooled), tensor(targets));
    }

    /// <summary>
    /// Symmetric InfoNCE over in-batch negatives (as CLIP; SimCSE uses one direction): row i of view A
    /// must pick row i of view B among all B rows, and vice versa. Both views go through the encoder
    /// in one [2B] batch; dropout masks are drawn per element, so the two copies of a text differ.
    /// </summary>
    private static Tensor ContrastiveLoss(TorchBertEncoder encoder, FineTuneTokenizer tokenizer, int[][] content, FineTuneOptions options, Random rng)
    {
        var n = content.Length;
        var views = new List<IReadOnlyList<int>>(2 * n);
        var crop = options.Objective == FineTuneObjective.ContrastiveCrop;
        for (var view = 0; view < 2; view++)
        {
            foreach (var c in content) views.Add(tokenizer.Wrap(crop ? RandomSpan(c, rng) : c));
        }

        var (ids, mask) = TorchBertEncoder.Pad(views);
        var z = nn.functional.normalize(TorchBertEncoder.MeanPool(encoder.Forward(ids, mask), mask), p: 2, dim: 1);
        var a = z.narrow(0, 0, n);
        var b = z.narrow(0, n, n);
        var logits = matmul(a, b.t()) / options.Temperature;
        var diagonal = arange(n, dtype: ScalarType.Int64);
        return (nn.functional.cross_entropy(logits, diagonal) + nn.functional.cross_entropy(logits.t(), diagonal)) / 2;
    }

    /// <summary>A contiguous span of 30–90 % of the tokens (at least one) at a random place.</summary>
    internal static int[] RandomSpan(int[] tokens, Random rng)
    {
        if (tokens.Length <= 1) return tokens;
        var length = Math.Clamp((int)Math.Round(tokens.Length * (0.3 + 0.6 * rng.NextDouble())), 1, tokens.Length);
        var start = rng.Next(tokens.Length - length + 1);
        return tokens[start..(start + length)];
    }

    private static void CheckArguments(BertWeights start, IReadOnlyList<string> texts, IReadOnlyList<int>? labels, int classCount, FineTuneOptions options)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(start.Config).ToList();
        if (texts.Count == 0) problems.Add("There are no texts to train on.");
        if (options.Objective == FineTuneObjective.Supervised)
        {
            if (labels is null) problems.Add("Supervised fine-tuning needs a label per text.");
            else if (labels.Count != texts.Count) problems.Add($"There are {texts.Count} texts but {labels.Count} labels.");
            else if (labels.Any(l => l < 0 || l >= classCount)) problems.Add($"Labels must lie in 0..{classCount - 1}.");
            if (classCount < 2) problems.Add("Supervised fine-tuning needs at least 2 classes.");
        }

        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
    }
}
