namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>A reproducible train/test split, stratified by label so both sides keep the class balance.</summary>
public static class SeededSplit
{
    public static List<LabeledText> Assign(IReadOnlyList<LabeledText> items, double testFraction, int seed)
    {
        var random = new Random(seed);
        var result = new LabeledText[items.Count];
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(i => items[i].Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            var testCount = (int)Math.Round(indices.Length * testFraction);
            for (var k = 0; k < indices.Length; k++)
            {
                result[indices[k]] = items[indices[k]] with { Split = k < testCount ? Split.Test : Split.Train };
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Unstratified: which of <paramref name="count"/> items are test, round(count × fraction) of them after a seeded
    /// shuffle — for pairs, which have no label to stratify by.
    /// </summary>
    public static bool[] TestMask(int count, double testFraction, int seed)
    {
        if (testFraction is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in [0, 1].");
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var isTest = new bool[count];
        foreach (var i in order.Take((int)Math.Round(count * testFraction))) isTest[i] = true;
        return isTest;
    }
}
