using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Probes;

public sealed record PairCosine(string A, string B, float Cosine, int RankOfBForA);

public sealed record AntonymPolarityReport(
    int K,
    int AntonymPairsCovered,
    int AntonymPairsTotal,
    double AntonymInTopK,
    IReadOnlyList<float> AntonymCosines,
    IReadOnlyList<float> SynonymCosines,
    IReadOnlyList<float> RandomCosines,
    int FlipNumerator,
    int FlipDenominator,
    int PolarWordsCovered,
    Summary Separability,
    double MajorityBaseline,
    IReadOnlyList<PairCosine> WorstOffenders)
{
    public double FlipRate => FlipDenominator == 0 ? double.NaN : FlipNumerator / (double)FlipDenominator;
}

/// <summary>
/// The "ugly" vs "beautiful" failure: general embeddings put antonyms close because they share contexts.
/// <list type="bullet">
/// <item>antonym-in-top-k: share of antonym pairs (both words in the vocabulary) where either word is among the other's k nearest neighbours;</item>
/// <item>cosine distributions of antonym, synonym and random word pairs;</item>
/// <item>polarity flip rate: among the k nearest neighbours of polar words (AFINN ≠ 0) that are polar themselves, the share of the opposite sign;</item>
/// <item>polarity separability: k-fold accuracy (mean ± std) of a logistic probe predicting the AFINN sign from the word vector, beside the majority baseline;</item>
/// <item>worst offenders: the antonym pairs with the highest cosine, with the rank of one in the other's neighbour list.</item>
/// </list>
/// </summary>
public static class AntonymPolarityProbe
{
    public static AntonymPolarityReport Run(VectorIndex index, IReadOnlyList<WordPair> antonyms, IReadOnlyList<WordPair> synonyms, IReadOnlyList<WordPolarity> polarity,
        int k = 10, int seed = 13, int maxPairs = 3000, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var covered = antonyms.Where(p => index.Contains(p.A) && index.Contains(p.B) && p.A != p.B).ToList();
        var sample = covered.Count > maxPairs ? covered.OrderBy(_ => random.Next()).Take(maxPairs).ToList() : covered;
        var hits = 0;
        var pairCosines = new List<PairCosine>();
        foreach (var pair in sample)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nearA = index.Query(pair.A, k).Select(n => n.Label);
            var nearB = index.Query(pair.B, k).Select(n => n.Label);
            if (nearA.Contains(pair.B) || nearB.Contains(pair.A)) hits++;
            var simA = index.Similarities(pair.A);
            var cos = System.Numerics.Tensors.TensorPrimitives.Dot(index.Vector(pair.A), index.Vector(pair.B));
            var rank = 1 + simA.Count(s => s > cos) - 1; // minus the word itself (cosine 1 with itself)
            pairCosines.Add(new PairCosine(pair.A, pair.B, cos, Math.Max(1, rank)));
        }

        var synonymCos = Cosines(index, synonyms.Where(p => index.Contains(p.A) && index.Contains(p.B) && p.A != p.B).OrderBy(_ => random.Next()).Take(maxPairs));
        var randomCos = Cosines(index, Enumerable.Range(0, maxPairs).Select(_ => new WordPair(index.Labels[random.Next(index.Count)], index.Labels[random.Next(index.Count)], "random")).Where(p => p.A != p.B));

        var polar = polarity.Where(p => p.Score != 0 && index.Contains(p.Word)).GroupBy(p => p.Word).Select(g => g.First()).ToList();
        var sign = polar.ToDictionary(p => p.Word, p => Math.Sign(p.Score), StringComparer.Ordinal);
        int flips = 0, polarNeighbours = 0;
        foreach (var word in polar)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var n in index.Query(word.Word, k))
            {
                if (!sign.TryGetValue(n.Label, out var s)) continue;
                polarNeighbours++;
                if (s != Math.Sign(word.Score)) flips++;
            }
        }

        var (separability, baseline) = Separability(index, polar, seed, cancellationToken);
        return new AntonymPolarityReport(k, covered.Count, antonyms.Count, sample.Count == 0 ? double.NaN : hits / (double)sample.Count,
            pairCosines.Select(p => p.Cosine).ToList(), synonymCos, randomCos, flips, polarNeighbours, polar.Count, separability, baseline,
            pairCosines.OrderByDescending(p => p.Cosine).Take(25).ToList());
    }

    private static List<float> Cosines(VectorIndex index, IEnumerable<WordPair> pairs) =>
        pairs.Select(p => System.Numerics.Tensors.TensorPrimitives.Dot(index.Vector(p.A), index.Vector(p.B))).ToList();

    /// <summary>5-fold stratified cross-validated logistic probe: AFINN sign from the word vector.</summary>
    private static (Summary Accuracy, double Majority) Separability(VectorIndex index, IReadOnlyList<WordPolarity> polar, int seed, CancellationToken cancellationToken)
    {
        if (polar.Count < 10) return (Summary.Of([]), double.NaN);
        var d = index.Dimension;
        var y = polar.Select(p => p.Score > 0 ? 1 : 0).ToArray();
        var folds = new int[polar.Count];
        var random = new Random(seed);
        foreach (var group in Enumerable.Range(0, polar.Count).GroupBy(i => y[i]))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var j = 0; j < members.Length; j++) folds[members[j]] = j % 5;
        }

        var accuracies = new List<double>();
        for (var fold = 0; fold < 5; fold++)
        {
            var train = Enumerable.Range(0, polar.Count).Where(i => folds[i] != fold).ToArray();
            var test = Enumerable.Range(0, polar.Count).Where(i => folds[i] == fold).ToArray();
            float[] Rows(int[] rows) => rows.SelectMany(i => index.Vector(polar[i].Word).ToArray()).ToArray();
            var model = LogisticRegression.Fit(Rows(train), train.Length, d, train.Select(i => y[i]).ToArray(), 2, iterations: 200, cancellationToken: cancellationToken);
            accuracies.Add(ClassificationMetrics.Accuracy(test.Select(i => y[i]).ToArray(), model.Predict(Rows(test), test.Length)));
        }

        return (Summary.Of(accuracies), Math.Max(y.Average(), 1 - y.Average()));
    }
}
