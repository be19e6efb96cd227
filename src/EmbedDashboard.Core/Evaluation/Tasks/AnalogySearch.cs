using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Answers many analogy queries over one unit-normalised vocabulary matrix. Question sets reuse few
/// words (questions-words.txt: 19,544 questions, ~900 distinct words), so instead of three
/// matrix-vector products per question, the similarity row of each distinct question word is
/// computed once, tile by tile of the vocabulary (a tile stays in cache while every word is
/// scored against it), and each question is then a few vectorised passes over those rows. Words
/// are taken in chunks that fit a memory budget, so any question set works.
/// </summary>
internal sealed class AnalogySearch
{
    /// <summary>Levy &amp; Goldberg (2014)'s ε for 3CosMul, keeping the division finite.</summary>
    public const float Epsilon = 1e-3f;

    private const int VocabularyTile = 256;

    private readonly float[] _unit;
    private readonly int _n;
    private readonly int _d;
    private readonly int[] _nonCandidates;
    private readonly long _memoryBytes;

    /// <param name="unitRows">n × d vocabulary matrix with unit rows.</param>
    /// <param name="nonCandidates">Rows that may never be an answer (no vector, or a duplicate case variant).</param>
    /// <param name="memoryBytes">Budget for the similarity rows; at least 3 rows are always held.</param>
    public AnalogySearch(float[] unitRows, int n, int d, IReadOnlyList<int> nonCandidates, long memoryBytes)
    {
        _memoryBytes = memoryBytes;
        _unit = unitRows;
        _n = n;
        _d = d;
        _nonCandidates = [.. nonCandidates];
    }

    /// <summary>
    /// Best answer row of each query by 3CosAdd and by 3CosMul, the query's own words excluded.
    /// With s(w, x) = (cos(w, x) + 1) / 2 (cosine shifted to [0, 1], Levy &amp; Goldberg):
    /// 3CosAdd = argmax s(w,b) − s(w,a) + s(w,c), which has the same argmax as cos(w, b − a + c) for
    /// unit vectors; 3CosMul = argmax s(w,b)·s(w,c) / (s(w,a) + ε).
    /// </summary>
    public (int Add, int Mul)[] Solve(IReadOnlyList<AnalogyQuery> queries, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new (int Add, int Mul)[queries.Count];
        if (queries.Count == 0) return results;
        var wordsPerChunk = (int)Math.Clamp(_memoryBytes / (sizeof(float) * (long)_n), 3, int.MaxValue / Math.Max(1, _n));
        var distinct = queries.SelectMany(q => new[] { q.A, q.B, q.C }).Distinct().Count();
        var similarities = new float[Math.Min(wordsPerChunk, Math.Max(1, distinct)) * (long)_n];
        var slot = new Dictionary<int, int>();
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        for (var start = 0; start < queries.Count;)
        {
            slot.Clear();
            var end = start;
            while (end < queries.Count)
            {
                var q = queries[end];
                var needed = new[] { q.A, q.B, q.C }.Distinct().Count(w => !slot.ContainsKey(w));
                if (end > start && slot.Count + needed > wordsPerChunk) break;
                foreach (var w in new[] { q.A, q.B, q.C }) slot.TryAdd(w, slot.Count);
                end++;
            }

            var words = slot.OrderBy(x => x.Value).Select(x => x.Key).ToArray();
            FillShiftedSimilarities(words, similarities, options);
            Parallel.For(start, end, options, () => new Scratch(_n), (i, _, scratch) =>
            {
                var q = queries[i];
                results[i] = Answer(q, Row(similarities, slot[q.A]), Row(similarities, slot[q.B]), Row(similarities, slot[q.C]), scratch);
                return scratch;
            }, _ => { });
            progress?.Report(new EvaluationProgress(end / (double)queries.Count, $"Questions {end:N0}/{queries.Count:N0}"));
            start = end;
        }

        return results;
    }

    private ReadOnlySpan<float> Row(float[] similarities, int slot) => similarities.AsSpan(slot * _n, _n);

    /// <summary>(cos + 1) / 2 of each word against every vocabulary row, word-major.</summary>
    private void FillShiftedSimilarities(int[] words, float[] similarities, ParallelOptions options)
    {
        var tiles = (_n + VocabularyTile - 1) / VocabularyTile;
        Parallel.For(0, tiles, options, tile =>
        {
            var from = tile * VocabularyTile;
            var to = Math.Min(_n, from + VocabularyTile);
            for (var m = 0; m < words.Length; m++)
            {
                var word = _unit.AsSpan(words[m] * _d, _d);
                var destination = similarities.AsSpan(m * _n, _n);
                for (var v = from; v < to; v++) destination[v] = (TensorPrimitives.Dot(word, _unit.AsSpan(v * _d, _d)) + 1) * 0.5f;
            }
        });
    }

    private (int Add, int Mul) Answer(AnalogyQuery q, ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Scratch scratch)
    {
        Span<float> add = scratch.Add, mul = scratch.Mul, denominator = scratch.Denominator;
        TensorPrimitives.Subtract(b, a, add);
        TensorPrimitives.Add(add, c, add);
        TensorPrimitives.Multiply(b, c, mul);
        TensorPrimitives.Add(a, Epsilon, denominator);
        TensorPrimitives.Divide(mul, denominator, mul);
        foreach (var excluded in _nonCandidates) add[excluded] = mul[excluded] = float.NegativeInfinity;
        // The question's own words would often win (b − a + c is close to b and c); gensim excludes them too.
        add[q.A] = add[q.B] = add[q.C] = float.NegativeInfinity;
        mul[q.A] = mul[q.B] = mul[q.C] = float.NegativeInfinity;
        return (TensorPrimitives.IndexOfMax<float>(add), TensorPrimitives.IndexOfMax<float>(mul));
    }

    private sealed class Scratch(int n)
    {
        public float[] Add { get; } = new float[n];
        public float[] Mul { get; } = new float[n];
        public float[] Denominator { get; } = new float[n];
    }
}
