namespace EmbedDashboard.Core.Probes;

/// <summary>
/// The two analogy objectives for a : b :: c : w, from the cosines of a candidate w with a, b and c
/// (unit vectors). Kept in one place so the explorer and any evaluator score identically.
/// </summary>
public static class AnalogyScoring
{
    /// <summary>Levy &amp; Goldberg (2014) use ε = 0.001 to keep 3CosMul finite when cos(w, a) is −1.</summary>
    public const float CosMulEpsilon = 1e-3f;

    /// <summary>3CosAdd (Mikolov et al. 2013): cos(w, b) − cos(w, a) + cos(w, c), i.e. w · (b − a + c).</summary>
    public static float CosAdd(float cosA, float cosB, float cosC) => cosB - cosA + cosC;

    /// <summary>
    /// 3CosMul (Levy &amp; Goldberg 2014): cos(w, b) · cos(w, c) / (cos(w, a) + ε) with every cosine first
    /// shifted to [0, 1] by (cos + 1) / 2, so a product of similarities cannot flip sign.
    /// </summary>
    public static float CosMul(float cosA, float cosB, float cosC) =>
        Shift(cosB) * Shift(cosC) / (Shift(cosA) + CosMulEpsilon);

    private static float Shift(float cosine) => (cosine + 1) / 2;
}
