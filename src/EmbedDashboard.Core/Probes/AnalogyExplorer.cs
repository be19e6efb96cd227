using System.Numerics.Tensors;

namespace EmbedDashboard.Core.Probes;

/// <summary>
/// a : b :: c : ? over a word index ("man : king :: woman : ?"), answered with 3CosAdd and 3CosMul
/// (<see cref="AnalogyScoring"/>), the three question words excluded from the answers as in
/// Mikolov et al. and Levy &amp; Goldberg.
/// </summary>
public static class AnalogyExplorer
{
    public static AnalogyAnswers Solve(VectorIndex index, string a, string b, string c, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(index);
        var missing = new[] { a, b, c }.Where(w => !index.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return new AnalogyAnswers([], [], missing, string.Join(" ", missing.Select(w => $"'{w}' is not in the vocabulary.")));
        }

        var cosA = index.Similarities(a);
        var cosB = index.Similarities(b);
        var cosC = index.Similarities(c);
        var questionRows = index.RowsOf([a, b, c]);
        var byAdd = new BoundedTopK(top);
        var byMul = new BoundedTopK(top);
        for (var w = 0; w < index.Count; w++)
        {
            if (Array.BinarySearch(questionRows, w) >= 0) continue;
            byAdd.Offer(w, AnalogyScoring.CosAdd(cosA[w], cosB[w], cosC[w]));
            byMul.Offer(w, AnalogyScoring.CosMul(cosA[w], cosB[w], cosC[w]));
        }

        // w · (b − a + c) is the 3CosAdd score, so the cosine with the offset is that score over |b − a + c|.
        var offset = new float[index.Dimension];
        TensorPrimitives.Subtract(index.Vector(b), index.Vector(a), offset);
        TensorPrimitives.Add(offset, index.Vector(c), offset);
        var offsetNorm = TensorPrimitives.Norm(offset);

        IReadOnlyList<AnalogyCandidate> Answers(BoundedTopK best) => best.ToSortedArray()
            .Select((x, i) => new AnalogyCandidate(
                index.Labels[x.Row],
                x.Score,
                offsetNorm > 0 ? AnalogyScoring.CosAdd(cosA[x.Row], cosB[x.Row], cosC[x.Row]) / offsetNorm : 0,
                i + 1))
            .ToList();

        return new AnalogyAnswers(Answers(byAdd), Answers(byMul), [], null);
    }
}
