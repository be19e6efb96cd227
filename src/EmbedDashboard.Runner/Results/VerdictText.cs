using System.Globalization;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// The verdict in words. Differences are shown ×100 as "points" (every primary metric here lies in [−1, 1]: accuracy,
/// F1, ρ, MRR, recall); p is the Holm-adjusted one when several comparisons share the page, since that is what
/// "significant" was decided on.
/// </summary>
public static class VerdictText
{
    public static string Sentence(Comparison c, string dataset, double level, int tests, RunView run, RunView? baseline)
    {
        if (c.NoTestReason is not null) return $"On {dataset}, no paired test for {c.EmbedderName}: {c.NoTestReason}.";
        var who = c.IsGeneral ? $"{c.EmbedderName} (general)" : c.EmbedderName;
        var label = Label(c.Metric);
        var interval = $"[{Percent(level)} CI {Points(c.CiLow!.Value)}, {Points(c.CiHigh!.Value)}]";
        var p = PValue(c.PHolm ?? c.P!.Value) + (tests > 1 ? $" (Holm, {tests} comparisons)" : "");
        var speed = Throughput(run, baseline) + Subset(run);
        if (!c.Significant)
        {
            return $"On {dataset}, {who} vs the best general embedder ({c.BaselineName}): no significant difference (Δ {Points(c.Delta!.Value)} {label} points {interval}, {p}){speed}.";
        }

        var verb = c.Delta > 0 ? "beats" : "trails";
        return $"On {dataset}, {who} {verb} the best general embedder ({c.BaselineName}) by {Points(c.Delta!.Value)} {label} points {interval}, {p}{speed}.";
    }

    /// <summary>The dataset's one line: the best task-specific run's comparison, else the best other general one's.</summary>
    public static string Headline(string dataset, RunView? baseline, IReadOnlyList<Comparison> comparisons, IReadOnlyDictionary<int, RunView> runs)
    {
        double ScoreOf(Comparison c) => runs[c.RunId].Score?.Value is { } v && !double.IsNaN(v) ? v : double.NegativeInfinity;
        var pick = comparisons.Where(c => !c.IsGeneral).OrderBy(c => c.NoTestReason is null ? 0 : 1).ThenByDescending(ScoreOf).FirstOrDefault()
            ?? comparisons.OrderBy(c => c.NoTestReason is null ? 0 : 1).ThenByDescending(ScoreOf).FirstOrDefault();
        if (pick is not null) return pick.Sentence;
        return baseline is null
            ? $"On {dataset}, no finished run to report."
            : $"On {dataset}, only {baseline.EmbedderName} was scored: nothing to compare it with.";
    }

    public static string Points(double delta) =>
        (delta >= 0 ? "+" : "\u2212") + Math.Abs(delta * 100).ToString("0.0", CultureInfo.InvariantCulture);

    public static string PValue(double p) => p < 0.001 ? "p < 0.001"
        : "p = " + p.ToString(p < 0.01 ? "0.000" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>"entity_f1" → "entity f1": the stored name, readable; no per-metric table to keep in step.</summary>
    public static string Label(string metric) => metric.Replace('_', ' ');

    private static string Percent(double level) => (level * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    // Said in the sentence itself, so a quoted verdict never hides that some items were left out for everyone.
    private static string Subset(RunView run) => run.Score is { } s && s.Items < s.TotalItems
        ? $", on the {s.Items:N0} of {s.TotalItems:N0} items every embedder covers"
        : "";

    // Texts actually encoded per second, so a cache-warm run does not look faster than it is.
    private static string Throughput(RunView run, RunView? baseline)
    {
        if (run.Efficiency is not { TextsPerSecond: > 0 } mine || baseline?.Efficiency is not { TextsPerSecond: > 0 } theirs) return "";
        var ratio = mine.TextsPerSecond / theirs.TextsPerSecond;
        return $", at {ratio.ToString(ratio >= 10 ? "N0" : "0.0#", CultureInfo.InvariantCulture)}× its throughput";
    }
}
