using System.Security.Cryptography;

namespace EmbedDashboard.Core.Datasets.Importers;

public enum ImportFormat
{
    ClassificationCsv,
    ClassificationTsv,
    ClassificationJsonl,
    Conll,
    WordSimilarity,
    Sts,
    Sick,
    Analogy,
    Squad,
    WordPairList,
    FaqCsv,
    FaqTsv,
}

/// <summary>An imported upload: the task, the typed items, what was skipped, and the content hash.</summary>
public sealed record ImportedDataset(TaskKind Task, System.Collections.IList Items, Type ItemType, int SkippedLines, IReadOnlyList<string> Notes, string ContentSha256)
{
    public int Count => Items.Count;
}

/// <summary>One entry point for uploads: picks the importer for the format and hashes the bytes.</summary>
public static class DatasetImporter
{
    public static ImportedDataset Import(Stream stream, string fileName, ImportFormat format, ClassificationImportOptions? options = null)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        return format switch
        {
            ImportFormat.ClassificationCsv => Wrap(TaskKind.Classification, ClassificationImporter.ImportDelimited(buffer, fileName, ',', options), sha),
            ImportFormat.ClassificationTsv => Wrap(TaskKind.Classification, ClassificationImporter.ImportDelimited(buffer, fileName, '\t', options), sha),
            ImportFormat.ClassificationJsonl => Wrap(TaskKind.Classification, ClassificationImporter.ImportJsonLines(buffer, fileName, options), sha),
            ImportFormat.Conll => Wrap(TaskKind.Ner, ConllImporter.Import(buffer, fileName), sha),
            ImportFormat.WordSimilarity => Wrap(TaskKind.WordSimilarity, ScoredPairImporter.ImportWordPairs(buffer, fileName), sha),
            ImportFormat.Sts => Wrap(TaskKind.Sts, ScoredPairImporter.ImportSts(buffer, fileName), sha),
            ImportFormat.Sick => Wrap(TaskKind.Sts, ScoredPairImporter.ImportSick(buffer, fileName), sha),
            ImportFormat.Analogy => Wrap(TaskKind.Analogy, AnalogyImporter.Import(buffer, fileName), sha),
            ImportFormat.Squad => Wrap(TaskKind.QuestionAnswering, SquadImporter.Import(buffer, fileName), sha),
            ImportFormat.WordPairList => Wrap(TaskKind.WordPairs, WordPairListImporter.Import(buffer, fileName), sha),
            ImportFormat.FaqCsv => Wrap(TaskKind.FaqRetrieval, FaqPairImporter.ImportDelimited(buffer, fileName, ','), sha),
            ImportFormat.FaqTsv => Wrap(TaskKind.FaqRetrieval, FaqPairImporter.ImportDelimited(buffer, fileName, '\t'), sha),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown import format."),
        };
    }

    /// <summary>A sensible default from the file name; the user can always choose another.</summary>
    public static ImportFormat? Guess(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name switch
        {
            _ when name.Contains("faq") && name.EndsWith(".csv") => ImportFormat.FaqCsv,
            _ when name.Contains("faq") && name.EndsWith(".tsv") => ImportFormat.FaqTsv,
            _ when name.Contains("sick") => ImportFormat.Sick,
            _ when name.Contains("sts") => ImportFormat.Sts,
            _ when name.Contains("questions-words") || name.Contains("analogy") => ImportFormat.Analogy,
            _ when name.Contains("antonym") || name.Contains("synonym") => ImportFormat.WordPairList,
            _ when name.EndsWith(".conll") || name.Contains("conll") || name.EndsWith(".annotated") => ImportFormat.Conll,
            _ when name.EndsWith(".jsonl") => ImportFormat.ClassificationJsonl,
            _ when name.EndsWith(".json") => ImportFormat.Squad,
            _ when name.EndsWith(".csv") => ImportFormat.ClassificationCsv,
            _ when name.EndsWith(".tsv") => ImportFormat.ClassificationTsv,
            _ when name.EndsWith(".txt") => ImportFormat.WordSimilarity,
            _ => null,
        };
    }

    private static ImportedDataset Wrap<T>(TaskKind task, ImportResult<T> result, string sha) =>
        new(task, result.Items.ToList(), typeof(T), result.SkippedLines, result.Notes, sha);
}
