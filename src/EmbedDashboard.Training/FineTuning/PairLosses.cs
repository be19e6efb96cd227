using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// The pair losses, on embeddings already computed (so they can be checked by hand on tiny tensors).
/// Inputs are L2-normalised rows: a dot product is a cosine.
/// </summary>
public static class PairLosses
{
    /// <summary>Added to a logit that must not count (a duplicate of the row's own positive): exp(-1e4/τ) is 0 in float.</summary>
    private const float Excluded = -1e4f;

    /// <summary>
    /// Symmetric InfoNCE (sentence-transformers' MultipleNegativesSymmetricRankingLoss): query i must pick passage i
    /// among all B passages of the batch plus the extra hard-negative passages, and passage i must pick query i among
    /// the B queries (hard negatives are passages, so they only enter the first direction). The loss is the mean of
    /// the two cross-entropies over logits cos/τ.
    /// </summary>
    /// <param name="queries">[B, d] unit rows.</param>
    /// <param name="positives">[B, d] unit rows; row i is query i's positive.</param>
    /// <param name="hardNegatives">[H, d] unit rows, extra candidates for every query; null for none.</param>
    /// <param name="positiveKeys">
    /// Optional identity of each positive (B keys, then H keys for the hard negatives): a candidate with the same key as
    /// row i's positive but another column is the same passage again (two questions about one answer), not a negative,
    /// so it is excluded instead of being pushed away.
    /// </param>
    public static Tensor SymmetricInfoNce(Tensor queries, Tensor positives, Tensor? hardNegatives, double temperature, IReadOnlyList<long>? positiveKeys = null)
    {
        var n = queries.shape[0];
        var candidates = hardNegatives is null ? positives : cat([positives, hardNegatives], 0);
        var forward = matmul(queries, candidates.t()) / temperature;   // [B, B+H]
        var backward = matmul(positives, queries.t()) / temperature;   // [B, B]
        if (positiveKeys is not null)
        {
            var columns = (int)candidates.shape[0];
            if (positiveKeys.Count != columns) throw new ArgumentException($"Expected {columns} keys (positives then hard negatives), got {positiveKeys.Count}.", nameof(positiveKeys));
            forward = forward + DuplicateMask(positiveKeys, (int)n, columns);
            backward = backward + DuplicateMask(positiveKeys, (int)n, (int)n);
        }

        var diagonal = arange(n, dtype: ScalarType.Int64);
        return (nn.functional.cross_entropy(forward, diagonal) + nn.functional.cross_entropy(backward, diagonal)) / 2;
    }

    /// <summary>[rows, columns]: <see cref="Excluded"/> where column c ≠ row r holds the same key as r's positive, else 0.</summary>
    private static Tensor DuplicateMask(IReadOnlyList<long> keys, int rows, int columns)
    {
        var mask = new float[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c != r && keys[c] == keys[r]) mask[r * columns + c] = Excluded;
            }
        }

        return tensor(mask, [rows, columns]);
    }

    /// <summary>
    /// CoSENT (Su 2022; sentence-transformers' CoSENTLoss): for every two pairs i, j of the batch whose gold scores say
    /// i is less similar than j, penalise cos_i ≥ cos_j:
    /// loss = log(1 + Σ_{gold_i &lt; gold_j} exp(scale·(cos_i − cos_j))).
    /// Only the order of the gold scores matters, so STS 0–5 and SICK 1–5 need no rescaling; pairs with equal gold
    /// scores add nothing.
    /// </summary>
    /// <param name="cosines">[B] cosine of each pair's two texts.</param>
    /// <param name="gold">[B] gold similarity of each pair.</param>
    /// <param name="scale">Multiplies the cosine differences (sentence-transformers uses 20, i.e. 1/τ with τ = 0.05).</param>
    public static Tensor CoSent(Tensor cosines, Tensor gold, double scale)
    {
        var scaled = cosines * scale;
        var differences = scaled.unsqueeze(1) - scaled.unsqueeze(0);                 // [i, j] = scale·(cos_i − cos_j)
        var counted = gold.unsqueeze(1).lt(gold.unsqueeze(0)).to_type(ScalarType.Float32); // gold_i < gold_j
        // Uncounted terms are pushed to exp(-1e4) = 0; the leading zero is the "1 +" (log(1 + Σ) = logsumexp([0, terms])).
        var terms = (differences + (1 - counted) * Excluded).flatten();
        return logsumexp(cat([zeros(1, dtype: terms.dtype), terms], 0), 0);
    }
}
