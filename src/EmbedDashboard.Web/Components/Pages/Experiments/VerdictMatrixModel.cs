using System.Globalization;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

/// <summary>One cell of the verdict matrix: an embedder's run on a dataset, as shown.</summary>
/// <param name="Value">The primary metric on the common items (the verdict's score), else the stored primary value.</param>
/// <param name="Best">Highest value of its column (bold).</param>
/// <param name="Baseline">This run is the dataset's best general embedder, the one every Δ is against.</param>
public sealed record VerdictCell(
    RunView Run,
    double? Value,
    double? CiLow,
    double? CiHigh,
    bool Best,
    bool Baseline,
    double? Delta,
    double? DeltaCiLow,
    double? DeltaCiHigh,
    bool Significant,
    string? NoTestReason)
{
    public string ValueText => Value is double v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";

    public string CiText => CiLow is double lo && CiHigh is double hi
        ? $"[{lo.ToString("0.000", CultureInfo.InvariantCulture)}, {hi.ToString("0.000", CultureInfo.InvariantCulture)}]"
        : "";

    /// <summary>Δ vs best general in points (×100), with its CI when the paired test was made, e.g. "+11.9 [+10.1, +13.6]".</summary>
    public string DeltaText => Delta is not double d ? ""
        : VerdictText.Points(d) + (DeltaCiLow is double lo && DeltaCiHigh is double hi ? $" [{VerdictText.Points(lo)}, {VerdictText.Points(hi)}]" : "");
}

/// <summary>A column: one dataset and its primary metric.</summary>
public sealed record VerdictColumn(int DatasetId, string DatasetName, string? Metric, string? BaselineName);

/// <summary>A row: one embedder, general or task-specific.</summary>
public sealed record VerdictRow(string EmbedderId, string EmbedderName, bool IsGeneral, IReadOnlyList<VerdictCell?> Cells);

/// <summary>
/// Embedders × datasets, the MTEB leaderboard convention: general rows first, then task-specific ones; per column the
/// best value is marked and every other run carries its Δ against the best general embedder with the paired test's CI.
/// </summary>
public sealed class VerdictMatrixModel
{
    public required IReadOnlyList<VerdictColumn> Columns { get; init; }

    public required IReadOnlyList<VerdictRow> General { get; init; }

    public required IReadOnlyList<VerdictRow> TaskSpecific { get; init; }

    public bool AnyComparison => General.Concat(TaskSpecific).SelectMany(r => r.Cells).Any(c => c?.Delta is not null);

    public static VerdictMatrixModel Build(ExperimentView view)
    {
        var verdicts = view.Verdicts.ToDictionary(v => v.DatasetId);
        var columns = view.Runs.Select(r => r.DatasetId).Distinct().Select(id =>
        {
            var first = view.Runs.First(r => r.DatasetId == id);
            var verdict = verdicts.GetValueOrDefault(id);
            return new VerdictColumn(id, first.DatasetName, verdict?.Metric ?? first.Primary?.Name, verdict?.BaselineName);
        }).ToList();

        var best = columns.ToDictionary(c => c.DatasetId, c => view.Runs
            .Where(r => r.DatasetId == c.DatasetId)
            .Select(ValueOf).OfType<double>().Where(v => !double.IsNaN(v))
            .DefaultIfEmpty(double.NaN).Max());

        VerdictCell? Cell(RunView? run)
        {
            if (run is null) return null;
            var value = ValueOf(run);
            var score = run.Score is { } s && !double.IsNaN(s.CiLow) ? s : null;
            var vs = run.VsBestGeneral;
            var baselineId = verdicts.GetValueOrDefault(run.DatasetId)?.BaselineRunId;
            return new VerdictCell(
                run,
                value,
                score?.CiLow,
                score?.CiHigh,
                value is double v && !double.IsNaN(v) && v == best[run.DatasetId],
                baselineId == run.Id,
                vs?.Delta ?? run.DeltaVsBestGeneral,
                vs?.CiLow,
                vs?.CiHigh,
                vs?.Significant ?? false,
                vs?.NoTestReason);
        }

        var rows = view.Runs.GroupBy(r => r.EmbedderId, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            return new VerdictRow(first.EmbedderId, first.EmbedderName, first.IsGeneral,
                columns.Select(c => Cell(g.LastOrDefault(r => r.DatasetId == c.DatasetId))).ToList());
        }).OrderBy(r => r.EmbedderName, StringComparer.OrdinalIgnoreCase).ToList();

        return new VerdictMatrixModel
        {
            Columns = columns,
            General = rows.Where(r => r.IsGeneral).ToList(),
            TaskSpecific = rows.Where(r => !r.IsGeneral).ToList(),
        };
    }

    private static double? ValueOf(RunView run) => run.Score?.Value ?? run.Primary?.Value;
}
