namespace EmbedDashboard.Core.Projections;

/// <summary>Symmetric sparse affinity matrix in CSR form (row i's entries are Columns/Values[RowStart[i]..RowStart[i+1]]).</summary>
internal sealed record SparseGraph(int[] RowStart, int[] Columns, double[] Values)
{
    public int N => RowStart.Length - 1;

    /// <summary>
    /// Symmetrises directed kNN weights w(i→j): entry (i,j) = combine(w(i→j), w(j→i)), a missing
    /// direction counting as 0. t-SNE combines by sum (then normalises), UMAP by fuzzy union a+b−ab.
    /// Built by writing every edge in both directions and merging per row after sorting by column,
    /// O(nk log k) with no hashing.
    /// </summary>
    public static SparseGraph Symmetrise(NeighbourGraph graph, double[] weights, Func<double, double, double> combine)
    {
        var (n, k) = (graph.N, graph.K);
        var counts = new int[n + 1];
        for (var e = 0; e < n * k; e++)
        {
            counts[e / k + 1]++;
            counts[graph.Indices[e] + 1]++;
        }

        for (var i = 0; i < n; i++) counts[i + 1] += counts[i];
        var total = counts[n];
        var cols = new int[total];
        var forward = new double[total]; // w(row→col)
        var backward = new double[total]; // w(col→row)
        var fill = counts[..n];
        for (var e = 0; e < n * k; e++)
        {
            var (i, j) = (e / k, graph.Indices[e]);
            var a = fill[i]++;
            cols[a] = j;
            forward[a] = weights[e];
            var b = fill[j]++;
            cols[b] = i;
            backward[b] = weights[e];
        }

        var rowStart = new int[n + 1];
        var outCols = new List<int>(total);
        var outValues = new List<double>(total);
        var order = new int[total];
        for (var i = 0; i < n; i++)
        {
            var (s, len) = (counts[i], counts[i + 1] - counts[i]);
            var keys = cols.AsSpan(s, len).ToArray();
            var idx = order.AsSpan(0, len);
            for (var t = 0; t < len; t++) idx[t] = s + t;
            keys.AsSpan().Sort(idx);
            for (var t = 0; t < len;)
            {
                var col = keys[t];
                double f = 0, b = 0;
                for (; t < len && keys[t] == col; t++)
                {
                    f += forward[idx[t]];
                    b += backward[idx[t]];
                }

                outCols.Add(col);
                outValues.Add(combine(f, b));
            }

            rowStart[i + 1] = outCols.Count;
        }

        return new SparseGraph(rowStart, outCols.ToArray(), outValues.ToArray());
    }
}
