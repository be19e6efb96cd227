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
}
