namespace EmbedDashboard.Core.Projections;

/// <summary>Deterministic sampling when there are more points than a method can show; the caller says so on the page.</summary>
public static class ProjectionSampler
{
    public static int[] Sample(int n, int max, int seed)
    {
        var indices = Enumerable.Range(0, n).ToArray();
        if (n <= max) return indices;
        new Random(seed).Shuffle(indices);
        var kept = indices[..max];
        Array.Sort(kept);
        return kept;
    }
}
