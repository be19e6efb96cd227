using System.Diagnostics;

namespace EmbedDashboard.Core.Probes;

/// <summary>
/// Compares the nearest neighbours of one query under two or more embedders whose indexes cover the
/// same vocabulary: side-by-side top-k lists, the labels only one embedder finds, rank changes and
/// top-k overlap.
/// </summary>
public static class NeighbourComparison
{
    /// <summary>
    /// Top-k of each source's own query vector in its own index, <paramref name="exclude"/> left out of
    /// every list (e.g. the query word itself), and a <see cref="PairwiseNeighbourDiff"/> for each pair.
    /// A source whose query cannot be searched (zero vector, wrong dimension) gets a list with a Problem.
    /// </summary>
    public static NeighbourComparisonResult Compare(IReadOnlyList<NeighbourSource> sources, int k, IReadOnlySet<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var lists = new List<NeighbourList>(sources.Count);
        foreach (var source in sources)
        {
            try
            {
                var watch = Stopwatch.StartNew();
                var neighbours = source.Index.Query(source.Query, k, exclude);
                lists.Add(new NeighbourList(source.EmbedderId, neighbours, new HashSet<string>(), watch.Elapsed, null));
            }
            catch (ArgumentException ex)
            {
                lists.Add(new NeighbourList(source.EmbedderId, [], new HashSet<string>(), TimeSpan.Zero, ex.Message));
            }
        }

        var marked = MarkUnique(lists);
        var pairs = new List<PairwiseNeighbourDiff>();
        for (var i = 0; i < sources.Count; i++)
        {
            for (var j = i + 1; j < sources.Count; j++)
            {
                if (marked[i].Problem is null && marked[j].Problem is null)
                {
                    pairs.Add(Diff(sources[i], marked[i], sources[j], marked[j], exclude));
                }
            }
        }

        return new NeighbourComparisonResult(k, marked, pairs);
    }

    /// <summary>
    /// Neighbours of a vocabulary label (itself excluded) under each index. An index without the label
    /// gets a list whose Problem says so; it takes no part in the diffs.
    /// </summary>
    public static NeighbourComparisonResult Compare(string label, IReadOnlyList<(string EmbedderId, VectorIndex Index)> indexes, int k)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var present = indexes.Where(x => x.Index.Contains(label)).Select(x => new NeighbourSource(x.EmbedderId, x.Index, x.Index.Vector(label).ToArray())).ToList();
        var searched = Compare(present, k, new HashSet<string>(StringComparer.Ordinal) { label });
        var next = 0;
        var lists = indexes.Select(x => x.Index.Contains(label)
            ? searched.Lists[next++]
            : new NeighbourList(x.EmbedderId, [], new HashSet<string>(), TimeSpan.Zero, $"'{label}' is not in the vocabulary of {x.EmbedderId}.")).ToList();
        return searched with { Lists = lists };
    }

    /// <summary>Sets each list's <see cref="NeighbourList.Unique"/>: its labels that no other list (without a problem) has.</summary>
    public static IReadOnlyList<NeighbourList> MarkUnique(IReadOnlyList<NeighbourList> lists) => lists.Select(list =>
    {
        var others = lists.Where(o => !ReferenceEquals(o, list) && o.Problem is null).SelectMany(o => o.Neighbours.Select(n => n.Label)).ToHashSet(StringComparer.Ordinal);
        return list with { Unique = list.Neighbours.Select(n => n.Label).Where(l => !others.Contains(l)).ToHashSet(StringComparer.Ordinal) };
    }).ToList();

    /// <summary>|A ∩ B| / |A ∪ B| of two top-k label sets; 1 when both are empty.</summary>
    public static double Jaccard(IEnumerable<string> a, IEnumerable<string> b)
    {
        var x = a.ToHashSet(StringComparer.Ordinal);
        var y = b.ToHashSet(StringComparer.Ordinal);
        var union = x.Union(y).Count();
        return union == 0 ? 1 : x.Intersect(y).Count() / (double)union;
    }

    private static PairwiseNeighbourDiff Diff(NeighbourSource first, NeighbourList firstList, NeighbourSource second, NeighbourList secondList, IReadOnlySet<string>? exclude)
    {
        var firstLabels = firstList.Neighbours.Select(n => n.Label).ToList();
        var secondLabels = secondList.Neighbours.Select(n => n.Label).ToList();
        var firstSet = firstLabels.ToHashSet(StringComparer.Ordinal);
        var secondSet = secondLabels.ToHashSet(StringComparer.Ordinal);

        // One full pass per index gives every label's cosine and rank, not just those in its top-k.
        var firstCosines = first.Index.Similarities(first.Query);
        var secondCosines = second.Index.Similarities(second.Query);
        var firstExcluded = first.Index.RowsOf(exclude);
        var secondExcluded = second.Index.RowsOf(exclude);

        var moves = firstLabels.Concat(secondLabels.Where(l => !firstSet.Contains(l)))
            .Select(label =>
            {
                var (rankInFirst, cosineInFirst) = Position(first.Index, firstCosines, firstExcluded, label);
                var (rankInSecond, cosineInSecond) = Position(second.Index, secondCosines, secondExcluded, label);
                return new NeighbourMove(label, rankInFirst, rankInSecond, cosineInFirst, cosineInSecond, firstSet.Contains(label), secondSet.Contains(label));
            })
            .OrderByDescending(m => m.RankChange is { } change ? Math.Abs(change) : int.MaxValue)
            .ThenBy(m => m.Label, StringComparer.Ordinal)
            .ToList();

        return new PairwiseNeighbourDiff(
            first.EmbedderId,
            second.EmbedderId,
            Jaccard(firstLabels, secondLabels),
            firstSet.Count(secondSet.Contains),
            firstLabels.Where(l => !secondSet.Contains(l)).ToList(),
            secondLabels.Where(l => !firstSet.Contains(l)).ToList(),
            moves);
    }

    private static (int? Rank, float? Cosine) Position(VectorIndex index, float[] cosines, int[] excludedRows, string label)
    {
        var row = index.IndexOf(label);
        return row < 0 || Array.BinarySearch(excludedRows, row) >= 0 ? (null, null) : (VectorIndex.RankIn(cosines, row, excludedRows), cosines[row]);
    }
}
