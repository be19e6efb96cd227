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
}
