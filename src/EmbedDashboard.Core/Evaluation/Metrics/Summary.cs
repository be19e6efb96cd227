using MathNet.Numerics.Statistics;

namespace EmbedDashboard.Core.Evaluation.Metrics;

/// <summary>
/// Mean and sample standard deviation (n − 1) of per-seed (or per-fold) values, with the values
/// themselves so the UI can show them. One value has no spread: its Std is 0 (not NaN) so charts
/// draw no error bar instead of breaking.
/// </summary>
public sealed record Summary(double Mean, double Std, IReadOnlyList<double> Values)
{
    public static Summary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = values.ToArray();
        var mean = copy.Length == 0 ? double.NaN : copy.Mean();
        var std = copy.Length < 2 ? 0 : copy.StandardDeviation();
        return new Summary(mean, std, copy);
    }

    public static Summary Single(double value) => Of([value]);

    public override string ToString() => Values.Count > 1 ? $"{Mean:0.000} ± {Std:0.000} (n={Values.Count})" : $"{Mean:0.000}";
}
