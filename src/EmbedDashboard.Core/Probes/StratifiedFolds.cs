namespace EmbedDashboard.Core.Probes;

/// <summary>Seeded stratified k-fold assignment: every fold gets each class in (nearly) the overall proportion.</summary>
internal static class StratifiedFolds
{
    /// <summary>Fold number (0..folds−1) of each item.</summary>
    public static int[] Assign(IReadOnlyList<int> classes, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var result = new int[classes.Count];
        // Dealing continues round-robin from class to class, so fold sizes differ by at most one.
        var next = 0;
        foreach (var members in Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).OrderBy(g => g.Key).Select(g => g.ToArray()))
        {
            random.Shuffle(members);
            foreach (var item in members)
            {
                result[item] = next;
                next = (next + 1) % folds;
            }
        }

        return result;
    }
}
