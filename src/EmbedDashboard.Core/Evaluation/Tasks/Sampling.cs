namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>Seeded, stratified down-sampling so large datasets fit a run's budget without changing class balance.</summary>
public static class Sampling
{
    public static IReadOnlyList<T> Stratified<T>(IReadOnlyList<T> items, Func<T, string> stratum, int max, int seed)
    {
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
}
