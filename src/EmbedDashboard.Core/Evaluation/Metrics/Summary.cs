namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>Mean and sample standard deviation of per-seed (or per-fold) values.</summary>
public sealed record Summary(double Mean, double Std, IReadOnlyList<double> Values)
{
    public static Summary Of(IReadOnlyList<double> values)
    {
        var mean = values.Count == 0 ? double.NaN : values.Average();
        var std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new Summary(mean, std, values);
    }
}
