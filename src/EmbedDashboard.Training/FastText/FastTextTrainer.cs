using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Training.FastText;

/// <summary>What training produced: the vocabulary and model, the loss curve, throughput and held-out accuracy of the model itself.</summary>
public sealed record FastTextTrainingResult(
    FastTextVocabulary Vocabulary,
    FastTextModel Model,
    IReadOnlyList<LossPoint> Curve,
    int ExamplesSeen,
    TimeSpan Elapsed,
    double ExamplesPerSecond,
    double? TestAccuracy,
    int GloveInitialisedWords);

/// <summary>
/// Trains <see cref="FastTextModel"/> one example at a time (as fastText does), shuffled with the
/// seed each epoch, so a run is reproducible. Single-threaded on purpose: fastText's Hogwild threads
/// would make results depend on timing.
/// </summary>
public static class FastTextTrainer
{
    private const int CurvePoints = 200;

    public static FastTextTrainingResult Train(
        IReadOnlyList<string> trainTexts,
        IReadOnlyList<int> trainLabels,
        int classes,
        FastTextOptions options,
        StaticWordEmbedder? glove = null,
        (IReadOnlyList<string> Texts, IReadOnlyList<int> Labels)? test = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (trainTexts.Count == 0) throw new ArgumentException("The training split is empty: there is nothing to train on.", nameof(trainTexts));
        if (trainTexts.Count != trainLabels.Count) throw new ArgumentException("Each training text needs one label.", nameof(trainLabels));
        if (classes < 2) throw new ArgumentException($"Classification needs at least 2 classes (got {classes}).", nameof(classes));
        var problems = options.Validate(glove?.Vectors.Dimension);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));

        var watch = Stopwatch.StartNew();
        progress?.Report(new TrainingProgress(0, "Building the vocabulary"));
        var words = FastTextVocabulary.CountWords(trainTexts, options.MinCount, options.MaxWords, options.MaxWordsPerText);
        var vocabulary = new FastTextVocabulary(words, options.WordBigrams || options.Subwords ? options.Buckets : 0, options.WordBigrams, options.Subwords, options.MaxWordsPerText);
        var features = trainTexts.Select(t => vocabulary.Features(t, out _, out _)).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        var random = new Random(options.Seed);
        var table = InitialTable(vocabulary, options.Dimension, random, glove, out var gloveWords);
        var model = new FastTextModel(vocabulary.Rows, options.Dimension, classes, table);
        var optimizer = new FastTextOptimizerState(model, options);

        var order = Enumerable.Range(0, features.Length).ToArray();
        var total = (long)features.Length * options.Epochs;
        var every = Math.Max(1, (int)(total / CurvePoints));
        var curve = new List<LossPoint>(CurvePoints + 1);
        var buffers = new GradientBuffers(options.Dimension, classes);
        double windowLoss = 0;
        var windowCount = 0;
        long step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                if ((step & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
                var rate = (float)(options.EffectiveLearningRate * (options.Optimizer == FastTextOptimizer.Sgd ? 1 - step / (double)total : 1));
                windowLoss += model.Gradients(features[i], trainLabels[i], buffers);
                optimizer.Apply(features[i], buffers, rate);
                windowCount++;
                step++;
                if (step % every == 0 || step == total)
                {
                    var seconds = watch.Elapsed.TotalSeconds;
                    var point = new LossPoint((int)step, windowLoss / windowCount, seconds);
                    curve.Add(point);
                    progress?.Report(new TrainingProgress(0.05 + 0.9 * step / total, $"epoch {epoch + 1}/{options.Epochs}, example {step:N0}/{total:N0}, loss {point.Loss:0.000}", point, step / Math.Max(seconds, 1e-9)));
                    windowLoss = 0;
                    windowCount = 0;
                }
            }
        }

        var trainSeconds = watch.Elapsed.TotalSeconds;
        double? accuracy = null;
        if (test is { } t && t.Texts.Count > 0)
        {
            progress?.Report(new TrainingProgress(0.97, "Scoring the held-out split"));
            var correct = 0;
            for (var i = 0; i < t.Texts.Count; i++)
            {
                if (model.Predict(vocabulary.Features(t.Texts[i], out _, out _)) == t.Labels[i]) correct++;
            }

            accuracy = correct / (double)t.Texts.Count;
        }

        return new FastTextTrainingResult(vocabulary, model, curve, (int)step, watch.Elapsed, step / Math.Max(trainSeconds, 1e-9), accuracy, gloveWords);
    }

    private static float[] InitialTable(FastTextVocabulary vocabulary, int dimension, Random random, StaticWordEmbedder? glove, out int gloveWords)
    {
        var table = new float[(long)vocabulary.Rows * dimension];
        var scale = 1f / dimension;
        for (var i = 0; i < table.Length; i++) table[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        gloveWords = 0;
        if (glove is null) return table;
        for (var w = 0; w < vocabulary.Words.Count; w++)
        {
            if (glove.TryResolve(vocabulary.Words[w], out var index))
            {
                glove.Vectors.Vector(index).CopyTo(table.AsSpan(w * dimension, dimension));
                gloveWords++;
            }
        }

        return table;
    }
}

/// <summary>Applies one example's gradients with SGD or Adam; embedding rows are skipped when frozen.</summary>
internal sealed class FastTextOptimizerState
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private readonly FastTextModel _model;
    private readonly FastTextOptions _options;
    private readonly float[]? _mW, _vW, _mB, _vB, _mE, _vE;
    private readonly float[] _scratch;
    private long _t;

    public FastTextOptimizerState(FastTextModel model, FastTextOptions options)
    {
        _model = model;
        _options = options;
        _scratch = new float[model.Dimension];
        if (options.Optimizer != FastTextOptimizer.Adam) return;
        _mW = new float[model.Weights.Length];
        _vW = new float[model.Weights.Length];
        _mB = new float[model.Bias.Length];
        _vB = new float[model.Bias.Length];
        if (options.FreezeEmbeddings) return;
        _mE = new float[model.Embeddings.Length];
        _vE = new float[model.Embeddings.Length];
    }

    public void Apply(int[] rows, GradientBuffers g, float rate)
    {
        if (_options.Optimizer == FastTextOptimizer.Sgd)
        {
            TensorPrimitives.MultiplyAdd(g.DWeights, -rate, _model.Weights, _model.Weights);
            TensorPrimitives.MultiplyAdd(g.DBias, -rate, _model.Bias, _model.Bias);
            if (_options.FreezeEmbeddings) return;
            foreach (var r in rows)
            {
                var row = _model.Embeddings.AsSpan(r * _model.Dimension, _model.Dimension);
                TensorPrimitives.MultiplyAdd(g.DRow, -rate, row, row);
            }

            return;
        }

        _t++;
        var c1 = 1 - Math.Pow(Beta1, _t);
        var c2 = 1 - Math.Pow(Beta2, _t);
        var step = (float)(rate * Math.Sqrt(c2) / c1);
        Adam(_model.Weights, g.DWeights, _mW!, _vW!, step);
        Adam(_model.Bias, g.DBias, _mB!, _vB!, step);
        if (_options.FreezeEmbeddings || rows.Length == 0) return;
        // Lazy Adam: a row occurring k times gets k × dRow, once; untouched rows keep their moments.
        var sorted = (int[])rows.Clone();
        Array.Sort(sorted);
        var d = _model.Dimension;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j] == sorted[i]) j++;
            TensorPrimitives.Multiply(g.DRow, j - i, _scratch);
            var r = sorted[i] * d;
            Adam(_model.Embeddings.AsSpan(r, d), _scratch, _mE.AsSpan(r, d), _vE.AsSpan(r, d), step);
            i = j;
        }
    }

    private static void Adam(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float step)
    {
        for (var i = 0; i < p.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
            v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
            p[i] -= step * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
        }
    }
}
