using System.Globalization;
using System.Text;
using System.Text.Json;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Runner.Export;

/// <summary>
/// An experiment's results as CSV (one row per run × metric) or JSON (everything, with reproducibility and cost).
/// The primary metric's row carries its 95% CI over the common items and the comparison with the best general
/// embedder (Δ, Δ's CI, raw and Holm-adjusted p, significance); the JSON adds the per-dataset verdicts.
/// </summary>
public static class ResultsExporter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToJson(ExperimentView view) => JsonSerializer.Serialize(new
    {
        view.Id,
        view.Name,
        view.CreatedAt,
        Spec = JsonDocument.Parse(view.SpecJson).RootElement,
        Runs = view.Runs.Select(r => new
        {
            r.Id, Dataset = r.DatasetName, r.Task, Embedder = r.EmbedderId, r.IsGeneral, r.Status, Notes = r.Message, r.Error,
            r.Metrics, r.Score, r.DeltaVsBestGeneral, r.VsBestGeneral, r.Efficiency, Reproducibility = r.Repro, r.StartedAt, r.FinishedAt,
        }),
        view.Verdicts,
    }, Json);

    public static string ToCsv(ExperimentView view)
    {
        var csv = new StringBuilder("experiment,dataset,task,embedder,general,status,metric,primary,value,std,per_seed,ci_low,ci_high,items_scored,delta_vs_best_general,delta_ci_low,delta_ci_high,p,p_holm,significant,baseline,texts_per_s,tokens_per_s,cache_hits,embedded,model_sha256,dataset_sha256,seeds,split_seed\n");
        foreach (var r in view.Runs)
        {
            foreach (var m in r.Metrics.DefaultIfEmpty())
            {
                csv.AppendJoin(',', [
                    Quote(view.Name), Quote(r.DatasetName), r.Task.ToString(), r.EmbedderId, r.IsGeneral ? "true" : "false", r.Status.ToString(),
                    Quote(m?.Name ?? ""), m?.IsPrimary == true ? "true" : "false", Num(m?.Value), Num(m?.Std),
                    Quote(string.Join(' ', m?.Values.Select(v => Num(v)) ?? [])),
                    .. StatisticsColumns(r, primaryRow: m?.IsPrimary == true),
                    Num(r.Efficiency?.TextsPerSecond), Num(r.Efficiency?.TokensPerSecond), r.Efficiency?.CacheHits.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.Efficiency?.EncodedTexts.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.Repro?.ModelSha256 ?? "", r.Repro?.DatasetSha256 ?? "", r.Repro?.Seeds.ToString(CultureInfo.InvariantCulture) ?? "", r.Repro?.SplitSeed.ToString(CultureInfo.InvariantCulture) ?? "",
                ]).Append('\n');
            }
        }

        return csv.ToString();
    }

    // Only the primary metric's row: the CI and the test are about the primary metric.
    private static string[] StatisticsColumns(RunView r, bool primaryRow)
    {
        if (!primaryRow) return ["", "", "", "", "", "", "", "", "", ""];
        var s = r.Score;
        var c = r.VsBestGeneral;
        return [
            Num(s?.CiLow), Num(s?.CiHigh), s?.Items.ToString(CultureInfo.InvariantCulture) ?? "",
            Num(c?.Delta), Num(c?.CiLow), Num(c?.CiHigh), Num(c?.P), Num(c?.PHolm),
            c?.Delta is null ? "" : c.Significant ? "true" : "false", Quote(c?.BaselineName ?? ""),
        ];
    }

    private static string Num(double? v) => v is double d && !double.IsNaN(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
