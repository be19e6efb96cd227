using System.Diagnostics;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Engine;
using EmbedDashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// Fine-tunes a BERT encoder for token classification (NER, BIO tags): hidden states → each word's
/// first sub-token → dropout → linear head → cross-entropy over the words that fit. Sentences are laid
/// out by the same <see cref="WordTokenLayout"/> as OnnxSentenceEncoder.EmbedWordsAsync, so after
/// export the served per-word vectors are the ones the head was trained on. The head is discarded:
/// the product is the encoder, scored later by the NER evaluator's own probe.
/// </summary>
public static class TokenClassificationFineTuner
{
    /// <param name="sentences">Words per sentence (as the NER dataset gives them).</param>
    /// <param name="tags">Tag index per word (0..tagCount-1), same shape as <paramref name="sentences"/>.</param>
    /// <param name="options">Objective must be Supervised; MaxTokens should be the engine's MaxTokens for the served model.</param>
    public static FineTuneResult Train(
        BertWeights start,
        string vocabPath,
        IReadOnlyList<IReadOnlyList<string>> sentences,
        IReadOnlyList<IReadOnlyList<int>> tags,
        int tagCount,
        FineTuneOptions options,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        CheckArguments(start, sentences, tags, tagCount, options);
        LibTorchCompat.EnsureLoadable();
        torch.set_num_threads(2);
        // All randomness comes from streams private to this run (order and head from rng, dropout from
        // seeded generators), never libtorch's global one, so a seed reproduces the run.
        var rng = new Random(options.Seed);
        var watch = Stopwatch.StartNew();

        var tokenizer = new FineTuneTokenizer(vocabPath);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        rng.Shuffle(order);
        var chosen = options.MaxExamples > 0 ? order.Take(options.MaxExamples).ToArray() : order;
        var layouts = chosen.Select(i => tokenizer.Words(sentences[i], options.MaxTokens)).ToArray();
        var targets = chosen.Select(i => tags[i]).ToArray();
        using var encoder = TorchBertEncoder.FromWeights(start);
        encoder.Freeze(options.TrainLastLayers);
        encoder.SeedDropout(options.Seed);
        // Its own stream, so the head's dropout masks do not shift the encoder's when the batch changes shape.
        using var headDropout = new SeededDropout(TorchBertEncoder.DefaultDropout);
        headDropout.Reseed(options.Seed + 1);
        using var head = EncoderFineTuner.NewHead(start.Config.HiddenSize, tagCount, rng);
        using var optimizer = optim.AdamW(encoder.TrainableParameters(), options.LearningRate, weight_decay: EncoderFineTuner.WeightDecay);
        using var headOptimizer = optim.AdamW(head.parameters(), options.HeadLearningRate, weight_decay: EncoderFineTuner.WeightDecay);
        var trainable = encoder.TrainableParameters().Concat(head.parameters()).ToList();
        return FineTuneLoop.Run(encoder, [optimizer, headOptimizer], trainable, chosen.Length, options, rng, watch, batch =>
        {
            var batchLayouts = batch.Select(i => layouts[i]).ToArray();
            var batchTargets = KeptTargets(batchLayouts, batch.Select(i => targets[i]).ToArray());
            if (batchTargets.Length == 0) return null; // every word truncated (or empty sentences): nothing to learn
            var states = headDropout.Apply(FirstTokenStates(encoder, batchLayouts), training: true);
            return nn.functional.cross_entropy(head.call(states), tensor(batchTargets));
        }, progress, cancellationToken);
    }

    /// <summary>
    /// Hidden states of each kept word's first sub-token, [words, H], in sentence then word order,
    /// skipping words past MaxTokens (FirstToken -1): the rows EmbedWordsAsync would return.
    /// </summary>
    internal static Tensor FirstTokenStates(TorchBertEncoder encoder, IReadOnlyList<WordTokens> layouts)
    {
        var (ids, mask) = TorchBertEncoder.Pad(layouts.Select(l => (IReadOnlyList<int>)l.Ids).ToList());
        var hidden = encoder.Forward(ids, mask);
        var length = ids.shape[1];
        var rows = new List<long>();
        for (var r = 0; r < layouts.Count; r++)
        {
            foreach (var first in layouts[r].FirstToken)
            {
                if (first >= 0) rows.Add(r * length + first);
            }
        }

        return hidden.reshape(-1, hidden.shape[2]).index_select(0, tensor(rows.ToArray()));
    }

    /// <summary>The tags of the kept words, in the order of <see cref="FirstTokenStates"/>.</summary>
    internal static long[] KeptTargets(IReadOnlyList<WordTokens> layouts, IReadOnlyList<IReadOnlyList<int>> tags)
    {
        var result = new List<long>();
        for (var r = 0; r < layouts.Count; r++)
        {
            for (var w = 0; w < layouts[r].FirstToken.Length; w++)
            {
                if (layouts[r].FirstToken[w] >= 0) result.Add(tags[r][w]);
            }
        }

        return [.. result];
    }

    private static void CheckArguments(BertWeights start, IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<int>> tags, int tagCount, FineTuneOptions options)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(start.Config).ToList();
        if (options.Objective != FineTuneObjective.Supervised) problems.Add("Token classification trains with tags (Objective Supervised); contrastive objectives do not apply.");
        if (tagCount < 2) problems.Add("Token classification needs at least 2 tags.");
        if (sentences.Count == 0) problems.Add("There are no sentences to train on.");
        if (tags.Count != sentences.Count)
        {
            problems.Add($"There are {sentences.Count} sentences but {tags.Count} tag sequences.");
        }
        else
        {
            var mismatch = Enumerable.Range(0, sentences.Count).FirstOrDefault(i => tags[i].Count != sentences[i].Count, -1);
            if (mismatch >= 0) problems.Add($"Sentence {mismatch} has {sentences[mismatch].Count} words but {tags[mismatch].Count} tags.");
            if (tags.Any(t => t.Any(x => x < 0 || x >= tagCount))) problems.Add($"Tags must lie in 0..{tagCount - 1}.");
        }

        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
    }
}
