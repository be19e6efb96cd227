using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Core.Evaluation.Probes;

namespace EmbedDashboard.Core.Probes;

/// <summary>
/// The "ugly" vs "beautiful" failure: general embeddings learn from shared contexts, and antonyms share
/// contexts, so they end up close. Over a <see cref="VectorIndex"/> of words (labels matched exactly, so
/// pass lower-case lexicons for a lower-case vocabulary) this measures:
/// <list type="bullet">
/// <item>antonym-in-top-k (<see cref="AntonymNeighbourRate"/>): share of antonym pairs with both words in
/// the vocabulary where b is among a's k nearest neighbours or a among b's;</item>
/// <item>cosine distributions of antonym, synonym and seeded random word pairs;</item>
/// <item>polarity flip rate (<see cref="PolarityFlipRate"/>): among the top-k neighbours of polar words
/// (AFINN ≠ 0) that are polar themselves, the share of the opposite sign;</item>
/// <item>polarity separability (<see cref="PolaritySeparability"/>): stratified k-fold accuracy of an
/// L2-regularised logistic probe predicting the AFINN sign from the word vector, beside the majority baseline;</item>
/// <item>worst offenders: ranked antonym pairs by cosine, highest first, with both neighbour ranks.</item>
/// </list>
/// </summary>
public static class AntonymPolarityProbe
{
    public static AntonymPolarityReport Run(
        VectorIndex index,
        IReadOnlyList<WordPair> antonyms,
        IReadOnlyList<WordPair> synonyms,
        IReadOnlyList<WordPolarity> polarity,
        AntonymPolarityOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        options ??= AntonymPolarityOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.K, 1, nameof(options.K));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Folds, 2, nameof(options.Folds));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RandomPairs, nameof(options.RandomPairs));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRankedPairs, nameof(options.MaxRankedPairs));
        var random = new Random(options.Seed);

        var antonymPairs = DistinctPairs(antonyms);
        var coveredAntonyms = antonymPairs.Where(p => index.Contains(p.A) && index.Contains(p.B)).ToList();
        var rankedAntonyms = SampleKeepingOrder(coveredAntonyms, options.MaxRankedPairs, random);
        var synonymPairs = DistinctPairs(synonyms);
        var coveredSynonyms = synonymPairs.Where(p => index.Contains(p.A) && index.Contains(p.B)).ToList();

        var polarWords = DistinctPolarWords(polarity);
        var signByRow = new Dictionary<int, int>();
        foreach (var (word, sign) in polarWords)
        {
            if (index.IndexOf(word) is var row and >= 0) signByRow[row] = sign;
        }

        var (ranked, flipCounts) = ScanNeighbourhoods(index, rankedAntonyms, signByRow, options.K, cancellationToken);

        var k = options.K;
        var neighbourRate = new AntonymNeighbourRate(
            k,
            antonymPairs.Count,
            coveredAntonyms.Count,
            ranked.Count,
            ranked.Count(p => p.RankOfBForA <= k || p.RankOfAForB <= k),
            ranked.Count(p => p.RankOfBForA <= k && p.RankOfAForB <= k),
            ranked.Sum(p => (p.RankOfBForA <= k ? 1 : 0) + (p.RankOfAForB <= k ? 1 : 0)));

        var flips = new PolarityFlipRate(
            k,
            polarWords.Count,
            signByRow.Count,
            flipCounts.Count(f => f.Polar > 0),
            flipCounts.Sum(f => f.Opposite),
            flipCounts.Sum(f => f.Polar));

        var separability = Separability(index, signByRow, options, cancellationToken);

        return new AntonymPolarityReport(
            k,
            neighbourRate,
            new CosineDistribution("antonym", antonymPairs.Count, coveredAntonyms.Count, coveredAntonyms.Select(p => index.Cosine(p.A, p.B)).ToArray()),
            new CosineDistribution("synonym", synonymPairs.Count, coveredSynonyms.Count, coveredSynonyms.Select(p => index.Cosine(p.A, p.B)).ToArray()),
            RandomPairs(index, options.RandomPairs, random),
            flips,
            separability,
            ranked.OrderByDescending(p => p.Cosine).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal).Take(options.WorstOffenders).ToList());
    }

    /// <summary>
    /// One pass over the vocabulary per word that needs it gives both the ranks of its antonym partners
    /// (for antonym-in-top-k and the offenders) and, for a polar word, its top-k (for the flip rate).
    /// </summary>
    private static (List<AntonymOffender> Ranked, (int Opposite, int Polar)[] FlipCounts) ScanNeighbourhoods(
        VectorIndex index, List<WordPair> antonyms, Dictionary<int, int> signByRow, int k, CancellationToken cancellationToken)
    {
        var partners = new Dictionary<int, List<int>>();
        foreach (var pair in antonyms)
        {
            int a = index.IndexOf(pair.A), b = index.IndexOf(pair.B);
            Partners(partners, a).Add(b);
            Partners(partners, b).Add(a);
        }

        var queryRows = partners.Keys.Union(signByRow.Keys).Order().ToArray();
        var partnerRanks = new int[queryRows.Length][];
        var flipCounts = new (int Opposite, int Polar)[queryRows.Length];
        index.ForEachSimilarityRow(queryRows, (q, cosines) =>
        {
            var row = queryRows[q];
            int[] self = [row];
            if (partners.TryGetValue(row, out var others))
            {
                var ranks = new int[others.Count];
                for (var i = 0; i < others.Count; i++) ranks[i] = VectorIndex.RankIn(cosines, others[i], self);
                partnerRanks[q] = ranks;
            }

            if (signByRow.TryGetValue(row, out var sign))
            {
                flipCounts[q] = CountFlips(cosines, row, sign, signByRow, k);
            }
        }, cancellationToken);

        var rankOf = new Dictionary<(int From, int To), int>();
        for (var q = 0; q < queryRows.Length; q++)
        {
            if (!partners.TryGetValue(queryRows[q], out var others)) continue;
            for (var i = 0; i < others.Count; i++) rankOf[(queryRows[q], others[i])] = partnerRanks[q][i];
        }

        var ranked = antonyms.Select(p =>
        {
            int a = index.IndexOf(p.A), b = index.IndexOf(p.B);
            return new AntonymOffender(p.A, p.B, index.Cosine(p.A, p.B), rankOf[(a, b)], rankOf[(b, a)]);
        }).ToList();
        return (ranked, flipCounts);
    }

    private static List<int> Partners(Dictionary<int, List<int>> partners, int row)
    {
        if (!partners.TryGetValue(row, out var list)) partners[row] = list = [];
        return list;
    }

    /// <summary>Unordered, de-duplicated pairs of two different words; the first spelling of a pair is kept for display.</summary>
    private static List<WordPair> DistinctPairs(IReadOnlyList<WordPair> pairs)
    {
        var seen = new HashSet<(string, string)>();
        var result = new List<WordPair>();
        foreach (var pair in pairs)
        {
            if (string.Equals(pair.A, pair.B, StringComparison.Ordinal)) continue;
            var key = string.CompareOrdinal(pair.A, pair.B) < 0 ? (pair.A, pair.B) : (pair.B, pair.A);
            if (seen.Add(key)) result.Add(pair);
        }

        return result;
    }

    /// <summary>Words with a non-zero score and its sign; a word listed twice keeps its first score.</summary>
    private static List<(string Word, int Sign)> DistinctPolarWords(IReadOnlyList<WordPolarity> polarity)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return polarity.Where(p => seen.Add(p.Word)).Where(p => p.Score != 0).Select(p => (p.Word, Math.Sign(p.Score))).ToList();
    }

    private static List<WordPair> SampleKeepingOrder(List<WordPair> pairs, int max, Random random)
    {
        if (pairs.Count <= max) return pairs;
        var positions = Enumerable.Range(0, pairs.Count).ToArray();
        random.Shuffle(positions);
        return positions.Take(max).Order().Select(i => pairs[i]).ToList();
    }

    /// <summary>Among the word's top-k neighbours (itself excluded), those with a polarity and those of the opposite sign.</summary>
    private static (int Opposite, int Polar) CountFlips(ReadOnlySpan<float> cosines, int row, int sign, Dictionary<int, int> signByRow, int k)
    {
        var top = new BoundedTopK(k);
        for (var r = 0; r < cosines.Length; r++)
        {
            if (r != row) top.Offer(r, cosines[r]);
        }

        int opposite = 0, polar = 0;
        foreach (var (neighbour, _) in top.ToSortedArray())
        {
            if (!signByRow.TryGetValue(neighbour, out var neighbourSign)) continue;
            polar++;
            if (neighbourSign != sign) opposite++;
        }

        return (opposite, polar);
    }

    /// <summary>Pairs of two different vocabulary words drawn uniformly (seeded): the "unrelated" baseline.</summary>
    private static CosineDistribution RandomPairs(VectorIndex index, int count, Random random)
    {
        if (index.Count < 2) return new CosineDistribution("random", 0, 0, []);
        var cosines = new float[count];
        for (var i = 0; i < count; i++)
        {
            var a = random.Next(index.Count);
            var b = random.Next(index.Count - 1);
            if (b >= a) b++;
            cosines[i] = TensorPrimitives.Dot(index.StoredRow(a), index.StoredRow(b));
        }

        return new CosineDistribution("random", count, count, cosines);
    }

    /// <summary>
    /// Stratified k-fold cross-validated accuracy of the shared logistic probe (Evaluation.Probes:
    /// L2-penalised, standardised features, deterministic) predicting sign &gt; 0 from the word vector.
    /// </summary>
    private static PolaritySeparability Separability(VectorIndex index, Dictionary<int, int> signByRow, AntonymPolarityOptions options, CancellationToken cancellationToken)
    {
        var rows = signByRow.Keys.Order().ToArray();
        var labels = rows.Select(r => signByRow[r] > 0 ? 1 : 0).ToArray();
        var positive = labels.Count(y => y == 1);
        var negative = rows.Length - positive;
        var majority = rows.Length == 0 ? double.NaN : Math.Max(positive, negative) / (double)rows.Length;
        var folds = Math.Min(options.Folds, Math.Min(positive, negative));
        if (folds < 2)
        {
            return new PolaritySeparability(0, rows.Length, positive, negative, Summary.Of([]), majority,
                $"Cross-validation needs at least 2 positive and 2 negative words in the vocabulary; found {positive} and {negative}.");
        }

        var d = index.Dimension;
        var foldOf = StratifiedFolds.Assign(labels, folds, options.Seed);
        var accuracies = new List<double>(folds);
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, rows.Length).Where(i => foldOf[i] != fold).ToArray();
            var test = Enumerable.Range(0, rows.Length).Where(i => foldOf[i] == fold).ToArray();
            var model = LogisticRegression.Fit(Gather(index, rows, train), train.Length, d, train.Select(i => labels[i]).ToArray(), 2, options.L2, options.Iterations, cancellationToken);
            var predicted = model.Predict(Gather(index, rows, test), test.Length);
            accuracies.Add(test.Where((item, j) => predicted[j] == labels[item]).Count() / (double)test.Length);
        }

        return new PolaritySeparability(folds, rows.Length, positive, negative, Summary.Of(accuracies), majority, null);
    }

    private static float[] Gather(VectorIndex index, int[] rows, int[] items)
    {
        var d = index.Dimension;
        var x = new float[items.Length * d];
        for (var j = 0; j < items.Length; j++) index.StoredRow(rows[items[j]]).CopyTo(x.AsSpan(j * d, d));
        return x;
    }
}
