using System.Globalization;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Results;

/// <summary>
/// The results table's `embedded` column: texts the model ran on, and texts answered by the embedding store instead
/// (its memory tier or its file, which outlives restarts). Both come from the run's efficiency record, so no column
/// is added to the database.
/// </summary>
public static class EmbeddedCount
{
    public static string Format(EfficiencyRecord? efficiency) => efficiency is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"{efficiency.EncodedTexts:N0} ({efficiency.CacheHits:N0} stored)");

    /// <summary>
    /// Texts/s as measured, or "—" when every text came from the store: nothing ran through the model, so there is no
    /// speed to report (a 0 would read as "infinitely slow").
    /// </summary>
    public static string Throughput(EfficiencyRecord? efficiency) => efficiency switch
    {
        null => "",
        { EncodedTexts: 0, CacheHits: > 0 } => "—",
        _ => efficiency.TextsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
    };
}
