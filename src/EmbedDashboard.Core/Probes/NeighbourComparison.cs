namespace EmbedDashboard.Core.Probes;

/// <summary>One embedder's neighbours of a query, and which of them the other embedders do not have.</summary>
public sealed record NeighbourList(string EmbedderId, IReadOnlyList<Neighbour> Neighbours, IReadOnlySet<string> Unique, TimeSpan Latency, string? Problem);

/// <summary>"What moves most" between embedders: neighbours found by one and not by the others, and top-k overlap.</summary>
public static class NeighbourComparison
{
    public static IReadOnlyList<NeighbourList> MarkUnique(IReadOnlyList<NeighbourList> lists) => lists.Select(list =>
    {
        var others = lists.Where(o => o != list && o.Problem is null).SelectMany(o => o.Neighbours.Select(n => n.Label)).ToHashSet(StringComparer.Ordinal);
        return list with { Unique = list.Neighbours.Select(n => n.Label).Where(l => !others.Contains(l)).ToHashSet(StringComparer.Ordinal) };
    }).ToList();

    /// <summary>|A ∩ B| / |A ∪ B| of two top-k label sets.</summary>
    public static double Jaccard(IEnumerable<string> a, IEnumerable<string> b)
    {
        var x = a.ToHashSet(StringComparer.Ordinal);
        var y = b.ToHashSet(StringComparer.Ordinal);
        var union = x.Union(y).Count();
        return union == 0 ? 1 : x.Intersect(y).Count() / (double)union;
    }
}
