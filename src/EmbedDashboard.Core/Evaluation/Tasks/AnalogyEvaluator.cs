using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// a : b :: c : ? over a restricted vocabulary (the first N words of a frequency-ordered list, as
/// gensim's restrict_vocab), question words excluded from the answers. 3CosAdd (Mikolov et al. 2013)
/// and 3CosMul (Levy &amp; Goldberg 2014: cosines shifted to [0,1], ε = 1e-3). Questions with a word
/// outside the vocabulary count as not covered; accuracy is given over covered and over all.
/// </summary>
public static class AnalogyEvaluator
{
    public static async Task<TaskEvaluation> EvaluateAsync(IEmbedder embedder, IReadOnlyList<AnalogyQuestion> questions, IReadOnlyList<string> vocabulary, EmbedOptions options, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var batch = await embedder.EmbedAsync(vocabulary, options with { Normalize = true }, EvaluationHelpers.Slice(progress, 0, 0.5, "Embedding vocabulary"), cancellationToken);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (!batch.Missing[i]) index.TryAdd(vocabulary[i], i);
        }

        var d = batch.Dimension;
        var n = vocabulary.Count;
        var matrix = batch.Data;
        for (var i = 0; i < n; i++) Normalize(matrix.AsSpan(i * d, d));
        var watch = Stopwatch.StartNew();
        var bySection = new Dictionary<string, (int Add, int Mul, int Covered, int Total)>(StringComparer.Ordinal);
        var simA = new float[n];
        var simB = new float[n];
        var simC = new float[n];
        int add = 0, mul = 0, covered = 0;
        for (var q = 0; q < questions.Count; q++)
        {
            if (q % 200 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new EvaluationProgress(0.5 + 0.5 * q / questions.Count, $"Questions {q:N0}/{questions.Count:N0}"));
            }

            var question = questions[q];
            var entry = bySection.GetValueOrDefault(question.Section);
            entry.Total++;
            if (index.TryGetValue(question.A, out var a) && index.TryGetValue(question.B, out var b) && index.TryGetValue(question.C, out var c) && index.TryGetValue(question.D, out var answer))
            {
                entry.Covered++;
                covered++;
                Similarities(matrix, n, d, a, simA);
                Similarities(matrix, n, d, b, simB);
                Similarities(matrix, n, d, c, simC);
                int bestAdd = -1, bestMul = -1;
                float scoreAdd = float.MinValue, scoreMul = float.MinValue;
                for (var w = 0; w < n; w++)
                {
                    if (w == a || w == b || w == c || batch.Missing[w]) continue;
                    var sAdd = simB[w] - simA[w] + simC[w]; // cos(w, b − a + c) up to a constant factor for unit vectors
                    if (sAdd > scoreAdd) (scoreAdd, bestAdd) = (sAdd, w);
                    var sMul = (simB[w] + 1) / 2 * ((simC[w] + 1) / 2) / ((simA[w] + 1) / 2 + 1e-3f);
                    if (sMul > scoreMul) (scoreMul, bestMul) = (sMul, w);
                }

                if (bestAdd == answer) { add++; entry.Add++; }
                if (bestMul == answer) { mul++; entry.Mul++; }
            }

            bySection[question.Section] = entry;
        }

        var secondary = new List<NamedMetric>
        {
            EvaluationHelpers.Single("3cosmul_accuracy", Ratio(mul, covered)),
            EvaluationHelpers.Single("3cosadd_accuracy_all", Ratio(add, questions.Count)),
            EvaluationHelpers.Single("coverage", Ratio(covered, questions.Count)),
            EvaluationHelpers.Single("vocabulary", n),
            EvaluationHelpers.Single("search_seconds", watch.Elapsed.TotalSeconds),
        };
        secondary.AddRange(bySection.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => EvaluationHelpers.Single($"3cosadd[{s.Key}]", Ratio(s.Value.Add, s.Value.Covered))));
        return new TaskEvaluation(
            EvaluationHelpers.Single("3cosadd_accuracy", Ratio(add, covered)),
            secondary, covered, batch.Stats,
            [$"{covered:N0} of {questions.Count:N0} questions have all four words among the {n:N0} vocabulary words."]);
    }

    private static double Ratio(int x, int y) => y == 0 ? double.NaN : x / (double)y;

    private static void Similarities(float[] matrix, int n, int d, int word, float[] destination)
    {
        var query = matrix.AsSpan(word * d, d);
        for (var w = 0; w < n; w++) destination[w] = TensorPrimitives.Dot(query, matrix.AsSpan(w * d, d));
    }

    private static void Normalize(Span<float> row)
    {
        var norm = TensorPrimitives.Norm(row);
        if (norm > 0) TensorPrimitives.Divide(row, norm, row);
    }
}
