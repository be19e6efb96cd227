namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>Seeded, stratified sampling and splitting, so class balance survives every cut.</summary>
public static class Sampling
{
    /// <summary>
    /// At most <paramref name="max"/> items (0 = all) drawn with <paramref name="random"/>, in random order; the list
    /// itself when it is no longer. One draw per item, so two samples from the same generator stay reproducible.
    /// </summary>
    public static IReadOnlyList<T> Subset<T>(IReadOnlyList<T> items, int max, Random random) =>
        max > 0 && items.Count > max
            ? items.Select(item => (item, Key: random.Next())).OrderBy(x => x.Key).Take(max).Select(x => x.item).ToList()
            : items;

    /// <summary>
    /// At most about <paramref name="max"/> items (0 = all), each stratum keeping its share (at
    /// least one item), in the original order, so large datasets fit a run's budget.
    /// </summary>
    public static IReadOnlyList<T> Stratified<T>(IReadOnlyList<T> items, Func<T, string> stratum, int max, int seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stratum);
        if (max <= 0 || items.Count <= max) return items;
        var random = new Random(seed);
        var picked = new List<int>();
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => stratum(items[i]), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            picked.AddRange(members.Take(Math.Max(1, (int)Math.Round((double)members.Length * max / items.Count))));
        }

        picked.Sort();
        return picked.Select(i => items[i]).ToList();
    }

    /// <summary>
    /// Fold number (0..folds−1) of each item: every class is shuffled and dealt round-robin, the deal
    /// continuing from class to class, so each fold holds each class in (nearly) the overall
    /// proportion and fold sizes differ by at most one (as scikit-learn's StratifiedKFold, shuffled).
    /// </summary>
    public static int[] StratifiedFolds(IReadOnlyList<int> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, labels.Count);
        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        foreach (var members in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray()))
        {
            random.Shuffle(members);
            foreach (var item in members)
            {
                fold[item] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }

    /// <summary>
    /// A seeded stratified subset of <paramref name="indices"/>: round(fraction × size) of each class
    /// (at least one), returned in ascending order.
    /// </summary>
    public static int[] StratifiedSubset(IReadOnlyList<int> indices, IReadOnlyList<int> labels, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(labels);
        if (fraction is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1].");
        var random = new Random(seed);
        var picked = new List<int>();
        foreach (var members in indices.GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray()))
        {
            random.Shuffle(members);
            picked.AddRange(members.Take(Math.Max(1, (int)Math.Round(members.Length * fraction))));
        }

        picked.Sort();
        return [.. picked];
    }
}
