using System.Security.Cryptography;

namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>
/// A training file and a held-out test file of the same format become one dataset: every item of the first is
/// in the train split (dev items stay dev), every item of the second in the test split — no seeded re-split, so
/// the test items are exactly the ones the user held out. Formats whose items carry a split (classification, CoNLL,
/// SQuAD, STS and SICK sentence pairs, FAQ pairs) take a test file; the others are refused with a reason before
/// either file is read, since nothing in the app would use their train split.
/// </summary>
public static class HeldOutSplit
{
    public static ImportedDataset Import(Stream train, string trainName, Stream test, string testName, ImportFormat format)
    {
        if (Refusal(format) is { } reason) throw new DatasetFormatException(testName, 0, reason);
        var first = DatasetImporter.Import(train, trainName, format);
        var second = DatasetImporter.Import(test, testName, format);
        var items = new System.Collections.ArrayList(first.Count + second.Count);
        foreach (var item in first.Items) items.Add(WithSplit(item, Split.Train, testName, format));
        foreach (var item in second.Items) items.Add(WithSplit(item, Split.Test, testName, format));
        if (second.Count == 0) throw new DatasetFormatException(testName, 0, "the test file has no items.");

        // One hash over both files, in order: the dataset's identity in every run's reproducibility record.
        var sha = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(first.ContentSha256 + second.ContentSha256)));
        var notes = new List<string> { $"Train: {first.Count:N0} items from {trainName}; test: {second.Count:N0} items from {testName} (held out as given)." };
        notes.AddRange(first.Notes.Where(n => !n.StartsWith("No split column", StringComparison.Ordinal)).Select(n => $"{trainName}: {n}"));
        notes.AddRange(second.Notes.Where(n => !n.StartsWith("No split column", StringComparison.Ordinal)).Select(n => $"{testName}: {n}"));
        return new ImportedDataset(first.Task, items, first.ItemType, first.SkippedLines + second.SkippedLines, notes, sha);
    }

    private static object WithSplit(object item, Split split, string testName, ImportFormat format) => item switch
    {
        LabeledText t => t with { Split = t.Split == Split.Dev && split == Split.Train ? Split.Dev : split },
        TaggedSentence s => s with { Split = s.Split == Split.Dev && split == Split.Train ? Split.Dev : split },
        QaExample q => q with { Split = split },
        ScoredPair p => p with { Split = split },
        FaqPair p => p with { Split = split },
        _ => throw new DatasetFormatException(testName, 0, $"{format} files have no train/test split in the app yet; import one file (it is scored whole)."),
    };

    /// <summary>
    /// Why a format takes no test file, or null when it does. Word-similarity lists (WS-353, MEN…) are benchmarks
    /// scored whole and nothing trains on them; analogies and antonym/synonym lists likewise feed probes only.
    /// </summary>
    public static string? Refusal(ImportFormat format) => format switch
    {
        ImportFormat.WordSimilarity => "word-similarity lists take no test file: they are scored whole and nothing in the app trains on them; import one file.",
        ImportFormat.Analogy => "analogy question files take no test file: they are scored whole; import one file.",
        ImportFormat.WordPairList => "antonym/synonym lists take no test file: the probes use every pair; import one file.",
        _ => null,
    };
}
