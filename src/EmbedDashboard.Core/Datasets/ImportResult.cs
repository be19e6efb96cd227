namespace EmbedDashboard.Core.Datasets;

/// <summary>
/// What an importer produced. Lines that are legitimately skipped (e.g. STS lines without a gold
/// score, duplicate reviews) are counted here so the UI can show them; malformed input throws
/// <see cref="DatasetFormatException"/> instead, so nothing is half-imported.
/// </summary>
public sealed record ImportResult<T>(IReadOnlyList<T> Items, int SkippedLines, IReadOnlyList<string> Notes)
{
    public static ImportResult<T> Of(IReadOnlyList<T> items) => new(items, 0, []);
}

/// <summary>Malformed input, with the 1-based line number (0 when not line-based) and a specific reason.</summary>
public sealed class DatasetFormatException(string fileName, int line, string reason)
    : Exception(line > 0 ? $"{fileName}, line {line}: {reason}" : $"{fileName}: {reason}")
{
    public string FileName { get; } = fileName;
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
