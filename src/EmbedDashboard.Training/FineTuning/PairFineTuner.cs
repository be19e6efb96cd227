using System.Diagnostics;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// Fine-tunes a BERT sentence encoder on pairs with the shared <see cref="FineTuneLoop"/>: (query, passage) pairs with
/// symmetric InfoNCE over in-batch negatives (plus, optionally, one hard negative per query mined with the start model),
/// or scored sentence pairs with CoSENT. Returns weights ready for <see cref="BertOnnxExporter"/>. The caller passes the
/// training split only.
/// </summary>
public static class PairFineTuner
{
    public static FineTuneResult Train(
        BertWeights start,
        string vocabPath,
        IReadOnlyList<TrainingPair> pairs,
        PairObjective objective,
        FineTuneOptions options,
        PairPrefixes? prefixes,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        CheckArguments(start, pairs, objective, options);
        prefixes ??= PairPrefixes.None;
        LibTorchCompat.EnsureLoadable();
        torch.set_num_threads(2);
        var rng = new Random(options.Seed); // order and subset; dropout uses the encoder's own seeded generator
        var watch = Stopwatch.StartNew();

        var tokenizer = new FineTuneTokenizer(vocabPath);
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        rng.Shuffle(order);
        var chosen = (options.MaxExamples > 0 ? order.Take(options.MaxExamples) : order).Select(i => pairs[i]).ToArray();

        // STS sentences are plain texts (the evaluator embeds them without a role), so only retrieval gets prefixes.
        var contrastive = objective == PairObjective.Contrastive;
        var queryPrefix = contrastive ? prefixes.Query : "";
        var passagePrefix = contrastive ? prefixes.Passage : "";
        var queries = chosen.Select(p => tokenizer.ContentIds(queryPrefix + p.Query, options.MaxTokens)).ToArray();
        // Passages are keyed by text: each is tokenised once, and two queries sharing one are not each other's negatives.
        var passageKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var passageIds = new List<int[]>();
        var positiveKey = chosen.Select(p =>
        {
            if (!passageKeys.TryGetValue(p.Passage, out var key))
            {
                key = passageIds.Count;
                passageKeys.Add(p.Passage, key);
                passageIds.Add(tokenizer.ContentIds(passagePrefix + p.Passage, options.MaxTokens));
            }

            return key;
        }).ToArray();
        var gold = chosen.Select(p => (float)(p.Score ?? 0)).ToArray();

        using var encoder = TorchBertEncoder.FromWeights(start);
        int[]? hardNegative = null;
        if (contrastive && options.HardNegatives)
        {
            progress?.Report(new TrainingProgress(0, $"Mining hard negatives among {passageIds.Count:N0} passages with the start model"));
            hardNegative = HardNegativeMiner.Mine(encoder, tokenizer, queries, passageIds, positiveKey, cancellationToken);
        }

        encoder.Freeze(options.TrainLastLayers);
        encoder.SeedDropout(options.Seed);
        using var optimizer = optim.AdamW(encoder.TrainableParameters(), options.LearningRate, weight_decay: EncoderFineTuner.WeightDecay);
        var trainable = encoder.TrainableParameters().ToList();
        return FineTuneLoop.Run(encoder, [optimizer], trainable, chosen.Length, options, rng, watch, batch =>
        {
            if (batch.Length < 2) return null; // one pair has no in-batch negative and nothing to rank against
            if (!contrastive)
            {
                var both = Encode(encoder, tokenizer, [.. batch.Select(i => queries[i]), .. batch.Select(i => passageIds[positiveKey[i]])]);
                var cosines = (both.narrow(0, 0, batch.Length) * both.narrow(0, batch.Length, batch.Length)).sum(1);
                return PairLosses.CoSent(cosines, tensor(batch.Select(i => gold[i]).ToArray()), 1 / options.Temperature);
            }

            // Queries and passages are padded apart: a headline padded to its article's 128 tokens would cost as much as the article.
            var negatives = hardNegative is null ? [] : batch.Select(i => hardNegative[i]).Where(k => k >= 0).ToArray();
            long[] keys = [.. batch.Select(i => (long)positiveKey[i]), .. negatives.Select(k => (long)k)];
            var q = Encode(encoder, tokenizer, batch.Select(i => queries[i]).ToList());
            var p = Encode(encoder, tokenizer, keys.Select(k => passageIds[(int)k]).ToList());
            var n = batch.Length;
            var hard = negatives.Length == 0 ? null : p.narrow(0, n, negatives.Length);
            return PairLosses.SymmetricInfoNce(q, p.narrow(0, 0, n), hard, options.Temperature, keys);
        }, progress, cancellationToken);
    }

    /// <summary>Unit-length mean-pooled embeddings of [CLS] content [SEP] sequences, in one forward pass.</summary>
    internal static Tensor Encode(TorchBertEncoder encoder, FineTuneTokenizer tokenizer, IReadOnlyList<int[]> content)
    {
        var (ids, mask) = TorchBertEncoder.Pad(content.Select(c => (IReadOnlyList<int>)tokenizer.Wrap(c)).ToList());
        return encoder.Embed(ids, mask);
    }

    private static void CheckArguments(BertWeights start, IReadOnlyList<TrainingPair> pairs, PairObjective objective, FineTuneOptions options)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(start.Config).ToList();
        if (!Enum.IsDefined(objective)) problems.Add($"Pair objective {(int)objective} is not a known objective.");
        if (pairs.Count < 2) problems.Add($"Pair fine-tuning needs at least 2 training pairs (there are {pairs.Count}): the other pairs of a batch are what a pair is compared with.");
        if (options.BatchSize < 2) problems.Add("Pair fine-tuning needs BatchSize ≥ 2 (the other pairs in a batch are the negatives, or what CoSENT ranks against).");
        if (objective == PairObjective.Similarity && pairs.Any(p => p.Score is null or double.NaN)) problems.Add("Similarity fine-tuning needs a gold score on every pair.");
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
    }
}
