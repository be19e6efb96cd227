namespace EmbedDashboard.Training.Tagger;

/// <summary>
/// Adam for <see cref="WindowTaggerModel"/>: dense for W, b and the padding; lazy for the table, so a
/// row's moments only change on the steps that touch it (as FastTextOptimizerState) and a step costs
/// the rows of one sentence, not the whole table. The bias correction uses the global step count.
/// </summary>
internal sealed class TaggerAdam(WindowTaggerModel model)
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private readonly float[] _mW = new float[model.Weights.Length], _vW = new float[model.Weights.Length];
    private readonly float[] _mB = new float[model.Bias.Length], _vB = new float[model.Bias.Length];
    private readonly float[] _mP = new float[model.Padding.Length], _vP = new float[model.Padding.Length];
    private readonly float[] _mE = new float[model.Embeddings.Length], _vE = new float[model.Embeddings.Length];
    private long _t;

    public void Apply(TaggerGradients g, float rate)
    {
        _t++;
        var step = (float)(rate * Math.Sqrt(1 - Math.Pow(Beta2, _t)) / (1 - Math.Pow(Beta1, _t)));
        Update(model.Weights, g.DWeights, _mW, _vW, step);
        Update(model.Bias, g.DBias, _mB, _vB, step);
        Update(model.Padding, g.DPadding, _mP, _vP, step);
        var d = model.Dimension;
        foreach (var r in g.TouchedRows)
        {
            Update(model.Embeddings.AsSpan(r * d, d), g.Row(r), _mE.AsSpan(r * d, d), _vE.AsSpan(r * d, d), step);
        }
    }

    private static void Update(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float step)
    {
        for (var i = 0; i < p.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
            v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
            p[i] -= step * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
        }
    }
}
