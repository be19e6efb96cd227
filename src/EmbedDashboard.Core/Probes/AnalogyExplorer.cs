namespace EmbedDashboard.Core.Probes;

public sealed record AnalogyAnswers(IReadOnlyList<Neighbour> CosAdd, IReadOnlyList<Neighbour> CosMul, string? Problem);

/// <summary>
/// a : b :: c : ? — 3CosAdd (argmax cos(w, b) − cos(w, a) + cos(w, c)) and 3CosMul (Levy &amp; Goldberg
/// 2014: cos(w,b)·cos(w,c) / (cos(w,a) + ε) with cosines shifted to [0,1], ε = 1e-3), question words excluded.
/// </summary>
public static class AnalogyExplorer
{
    public static AnalogyAnswers Solve(VectorIndex index, string a, string b, string c, int top = 5)
    {
        var missing = new[] { a, b, c }.Where(w => !index.Contains(w)).ToList();
        if (missing.Count > 0)
        {
            return new AnalogyAnswers([], [], string.Join(" ", missing.Select(w => $"'{w}' is not in the vocabulary.")));
        }

        var simA = index.Similarities(a);
        var simB = index.Similarities(b);
        var simC = index.Similarities(c);
        var add = new List<(int Row, float Score)>();
        var mul = new List<(int Row, float Score)>();
        for (var w = 0; w < index.Count; w++)
        {
            var label = index.Labels[w];
            if (label == a || label == b || label == c) continue;
            add.Add((w, simB[w] - simA[w] + simC[w]));
            mul.Add((w, (simB[w] + 1) / 2 * ((simC[w] + 1) / 2) / ((simA[w] + 1) / 2 + 1e-3f)));
        }

        IReadOnlyList<Neighbour> Top(List<(int Row, float Score)> scores) => scores.OrderByDescending(s => s.Score).ThenBy(s => s.Row).Take(top)
            .Select((s, i) => new Neighbour(index.Labels[s.Row], s.Score, i + 1)).ToList();
        return new AnalogyAnswers(Top(add), Top(mul), null);
    }
}
