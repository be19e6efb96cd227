using System.Diagnostics;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Training.Tagger;

/// <summary>What training produced: vocabulary, model, tag names (index = model tag), loss curve, throughput, held-out scores of the tagger itself.</summary>
public sealed record WindowTaggerTrainingResult(
    TaggerVocabulary Vocabulary,
    WindowTaggerModel Model,
    IReadOnlyList<string> TagNames,
    IReadOnlyList<LossPoint> Curve,
    int SentencesSeen,
    long WordsSeen,
    int SkippedSentences,
    TimeSpan Elapsed,
    double WordsPerSecond,
    double? TestTokenAccuracy,
    double? TestEntityF1);

/// <summary>
/// Trains <see cref="WindowTaggerModel"/> one sentence per Adam step, sentences shuffled with the
/// seed each epoch, single-threaded, so a run is reproducible bit for bit. Table rows use lazy
/// (sparse) Adam as <see cref="FastText.FastTextTrainer"/>: only rows a sentence touches move.
/// </summary>
public static class WindowTaggerTrainer
{
    private const int CurvePoints = 200;

    public static WindowTaggerTrainingResult Train(
        IReadOnlyList<TaggedSentence> train,
        WindowTaggerOptions options,
        IReadOnlyList<TaggedSentence>? test = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        // Like NerEvaluator: sentences whose tags do not line up with their words are left out, and counted.
        var usable = train.Where(WellFormed).ToList();
        if (usable.Count == 0) throw new ArgumentException("The training split has no sentence with words and one tag per word: there is nothing to train on.", nameof(train));

        var watch = Stopwatch.StartNew();
        progress?.Report(new TrainingProgress(0, "Building the vocabulary"));
        var words = TaggerVocabulary.CountWords(usable.Select(s => s.Tokens), options.MinCount, options.MaxWords, options.LowerCase);
        var vocabulary = new TaggerVocabulary(words, options.Buckets, options.LowerCase);
        var tagNames = usable.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var tagIndex = tagNames.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var cache = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var data = usable.Select(s => new TaggedRows(vocabulary.Encode(s.Tokens, cache), s.Tags.Select(t => tagIndex[t]).ToArray())).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        var random = new Random(options.Seed);
        var table = new float[(long)vocabulary.Rows * options.Dimension];
        // Uniform in ±1/dim, as fastText; the zero output layer makes the first steps shape W from these.
        var scale = 1f / options.Dimension;
        for (var i = 0; i < table.Length; i++) table[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        var model = new WindowTaggerModel(vocabulary.Rows, options.Dimension, tagNames.Count, options.WindowRadius, table);
        var adam = new TaggerAdam(model);
        var gradients = new TaggerGradients(model);

        var order = Enumerable.Range(0, data.Length).ToArray();
        var total = (long)data.Length * options.Epochs;
        var every = Math.Max(1, (int)(total / CurvePoints));
        var curve = new List<LossPoint>(CurvePoints + 1);
        var batch = new TaggedRows[1];
        double windowLoss = 0;
        long windowWords = 0, wordsSeen = 0, step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                if ((step & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                batch[0] = data[i];
                // The loss is a per-word mean, so weight it back by words for the curve's per-word average.
                windowLoss += model.Gradients(batch, gradients) * data[i].Tags.Length;
                adam.Apply(gradients, (float)options.LearningRate);
                windowWords += data[i].Tags.Length;
                wordsSeen += data[i].Tags.Length;
                step++;
                if (step % every == 0 || step == total)
                {
                    var seconds = watch.Elapsed.TotalSeconds;
                    var point = new LossPoint((int)step, windowLoss / Math.Max(windowWords, 1), seconds);
                    curve.Add(point);
                    progress?.Report(new TrainingProgress(0.05 + 0.9 * step / total, $"epoch {epoch + 1}/{options.Epochs}, sentence {step:N0}/{total:N0}, loss {point.Loss:0.000}", point, wordsSeen / Math.Max(seconds, 1e-9)));
                    windowLoss = 0;
                    windowWords = 0;
                }
            }
        }

        var trainSeconds = watch.Elapsed.TotalSeconds;
        var (accuracy, f1) = Score(test, vocabulary, model, tagNames, cache, progress, cancellationToken);
        return new WindowTaggerTrainingResult(vocabulary, model, tagNames, curve, (int)step, wordsSeen, train.Count - usable.Count,
            watch.Elapsed, wordsSeen / Math.Max(trainSeconds, 1e-9), accuracy, f1);
    }

    /// <summary>The trained tagger's own tags for some sentences (tag names).</summary>
    public static IReadOnlyList<string> Tag(WindowTaggerTrainingResult result, IReadOnlyList<string> tokens) =>
        result.Model.Predict(result.Vocabulary.Encode(tokens)).Select(t => result.TagNames[t]).ToList();

    private static (double?, double?) Score(IReadOnlyList<TaggedSentence>? test, TaggerVocabulary vocabulary, WindowTaggerModel model, IReadOnlyList<string> tagNames,
        Dictionary<string, int[]> cache, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var sentences = test?.Where(WellFormed).ToList() ?? [];
        if (sentences.Count == 0) return (null, null);
        progress?.Report(new TrainingProgress(0.97, "Scoring the held-out split"));
        var gold = new List<IReadOnlyList<string>>();
        var predicted = new List<IReadOnlyList<string>>();
        long correct = 0, words = 0;
        foreach (var s in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tags = model.Predict(vocabulary.Encode(s.Tokens, cache)).Select(t => tagNames[t]).ToList();
            // A tag never seen in training cannot be predicted: it simply counts as wrong.
            correct += tags.Zip(s.Tags).Count(p => p.First == p.Second);
            words += tags.Count;
            gold.Add(s.Tags);
            predicted.Add(tags);
        }

        return (correct / (double)words, EntityMetrics.Score(gold, predicted).F1);
    }

    private static bool WellFormed(TaggedSentence s) => s.Tokens.Count > 0 && s.Tokens.Count == s.Tags.Count;
}
