using System.Runtime.InteropServices;

namespace EmbedDashboard.Core.Projections;

/// <summary>
/// Barnes–Hut space-partitioning tree for 2-D (quadtree) or 3-D (octree) layouts, rebuilt every
/// t-SNE iteration. Nodes are structs in one array (no per-node objects, allocation-free after the
/// first build, cache-friendly traversal); 2-D layouts use the same code with z = 0. Cells are
/// cubes; a node keeps its point count and centre of mass, all the far-field approximation needs.
/// </summary>
internal sealed class SpaceTree
{
    // Coincident points would otherwise split forever; below this depth they share one leaf.
    private const int MaxDepth = 48;

    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public double X, Y, Z; // centre of mass
        public double Width2; // squared cell side
        public int Count;
        public int FirstChild; // −1 for a leaf
        public int Children;
        public int Start; // first of this node's points in _perm
    }

    private readonly int _dim;
    private readonly int _fanOut;
    private readonly int[] _perm;
    private readonly int[] _scratch;
    private readonly int[] _childCounts;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;
    private Node[] _nodes;
    private int _used;

    public SpaceTree(int n, int dim)
    {
        _dim = dim;
        _fanOut = 1 << dim;
        _perm = new int[n];
        _scratch = new int[n];
        _childCounts = new int[(MaxDepth + 1) * (_fanOut + 1)];
        _x = new double[n];
        _y = new double[n];
        _z = new double[n];
        _nodes = new Node[2 * n + 16];
    }

    /// <summary>Traversal stack size that cannot overflow: each level pushes at most 2^dim children.</summary>
    public int StackSize => (MaxDepth + 2) * _fanOut;

    public void Build(double[] y)
    {
        var n = _perm.Length;
        double loX = double.MaxValue, loY = double.MaxValue, loZ = double.MaxValue;
        double hiX = double.MinValue, hiY = double.MinValue, hiZ = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            _perm[i] = i;
            _x[i] = y[i * _dim];
            _y[i] = y[i * _dim + 1];
            _z[i] = _dim == 3 ? y[i * _dim + 2] : 0;
            (loX, hiX) = (Math.Min(loX, _x[i]), Math.Max(hiX, _x[i]));
            (loY, hiY) = (Math.Min(loY, _y[i]), Math.Max(hiY, _y[i]));
            (loZ, hiZ) = (Math.Min(loZ, _z[i]), Math.Max(hiZ, _z[i]));
        }

        var half = Math.Max(hiX - loX, Math.Max(hiY - loY, hiZ - loZ)) / 2;
        half = half * (1 + 1e-5) + 1e-12; // points on the upper boundary stay inside
        _used = 1;
        BuildNode(0, 0, n, (loX + hiX) / 2, (loY + hiY) / 2, (loZ + hiZ) / 2, half, 0);
    }

    private void BuildNode(int node, int start, int end, double cx, double cy, double cz, double half, int depth)
    {
        var count = end - start;
        double sx = 0, sy = 0, sz = 0;
        for (var t = start; t < end; t++)
        {
            var p = _perm[t];
            sx += _x[p];
            sy += _y[p];
            sz += _z[p];
        }

        _nodes[node] = new Node { X = sx / count, Y = sy / count, Z = sz / count, Width2 = 4 * half * half, Count = count, FirstChild = -1, Start = start };
        if (count <= 1 || depth >= MaxDepth) return;

        // Counting sort of the node's points into orthants (bit 0: x above centre, bit 1: y, bit 2: z).
        var counts = _childCounts.AsSpan(depth * (_fanOut + 1), _fanOut + 1);
        counts.Clear();
        for (var t = start; t < end; t++) counts[Orthant(_perm[t], cx, cy, cz) + 1]++;
        for (var c = 0; c < _fanOut; c++) counts[c + 1] += counts[c];
        Span<int> offsets = stackalloc int[_fanOut + 1];
        counts.CopyTo(offsets);
        for (var t = start; t < end; t++)
        {
            var p = _perm[t];
            _scratch[start + counts[Orthant(p, cx, cy, cz)]++] = p;
        }

        Array.Copy(_scratch, start, _perm, start, count);

        var nonEmpty = 0;
        for (var c = 0; c < _fanOut; c++) if (offsets[c + 1] > offsets[c]) nonEmpty++;
        if (_used + nonEmpty > _nodes.Length) Array.Resize(ref _nodes, 2 * (_used + nonEmpty));
        var first = _used;
        _nodes[node].FirstChild = first;
        _nodes[node].Children = nonEmpty;
        _used += nonEmpty;

        var quarter = half / 2;
        var child = first;
        for (var c = 0; c < _fanOut; c++)
        {
            if (offsets[c + 1] == offsets[c]) continue;
            BuildNode(child++, start + offsets[c], start + offsets[c + 1],
                cx + ((c & 1) != 0 ? quarter : -quarter), cy + ((c & 2) != 0 ? quarter : -quarter), cz + ((c & 4) != 0 ? quarter : -quarter),
                quarter, depth + 1);
        }
    }

    private int Orthant(int p, double cx, double cy, double cz) =>
        (_x[p] > cx ? 1 : 0) | (_y[p] > cy ? 2 : 0) | (_dim == 3 && _z[p] > cz ? 4 : 0);

    /// <summary>
    /// Repulsive (negative) force on point i: Σⱼ q²(yᵢ−yⱼ) with q = 1/(1+‖yᵢ−yⱼ‖²), written to
    /// <paramref name="force"/>; returns point i's share of Z = Σⱼ q. A cell narrower than theta × its
    /// distance counts as all its points at its centre of mass (van der Maaten 2014).
    /// </summary>
    public double Repulsion(int i, double theta, Span<double> force, Span<int> stack)
    {
        var theta2 = theta * theta;
        double xi = _x[i], yi = _y[i], zi = _z[i];
        double fx = 0, fy = 0, fz = 0, z = 0;
        var nodes = _nodes;
        var top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            ref readonly var node = ref nodes[stack[--top]];
            double dx = xi - node.X, dy = yi - node.Y, dz = zi - node.Z;
            var d2 = dx * dx + dy * dy + dz * dz;
            if (node.FirstChild < 0 && node.Count > 1)
            {
                // Leaf of coincident (depth-limited) points: exact sum, skipping i itself.
                for (var t = node.Start; t < node.Start + node.Count; t++)
                {
                    var j = _perm[t];
                    if (j == i) continue;
                    double ex = xi - _x[j], ey = yi - _y[j], ez = zi - _z[j];
                    var q = 1 / (1 + ex * ex + ey * ey + ez * ez);
                    z += q;
                    fx += q * q * ex;
                    fy += q * q * ey;
                    fz += q * q * ez;
                }
            }
            else if (node.FirstChild < 0 || node.Width2 < theta2 * d2)
            {
                // A single point, or a cell far enough to summarise.
                if (node.FirstChild < 0 && _perm[node.Start] == i) continue;
                var q = 1 / (1 + d2);
                var mq = node.Count * q;
                z += mq;
                fx += mq * q * dx;
                fy += mq * q * dy;
                fz += mq * q * dz;
            }
            else
            {
                for (var c = node.FirstChild; c < node.FirstChild + node.Children; c++) stack[top++] = c;
            }
        }

        force[0] = fx;
        force[1] = fy;
        if (_dim == 3) force[2] = fz;
        return z;
    }
}
