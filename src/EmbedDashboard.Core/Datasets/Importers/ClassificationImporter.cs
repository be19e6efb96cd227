using System.Text.Json;

namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>Options for text+label files.</summary>
public sealed record ClassificationImportOptions
{
    /// <summary>Column/field of the text; null = first of text, sentence, review, t.</summary>
    public string? TextField { get; init; }

    /// <summary>Column/field of the label; null = first of label, category, sentiment, topic, s.</summary>
    public string? LabelField { get; init; }

    /// <summary>Used when the file has no split column: this share goes to test, by a seeded shuffle.</summary>
    public double TestFraction { get; init; } = 0.5;

    public int SplitSeed { get; init; } = 13;

    public bool DropDuplicates { get; init; } = true;
}

/// <summary>Text classification files: CSV, TSV (header row) or JSONL (one object per line).</summary>
public static class ClassificationImporter
{
    private static readonly string[] TextNames = ["text", "sentence", "review", "t", "document"];
    private static readonly string[] LabelNames = ["label", "category", "sentiment", "topic", "class", "s"];

    public static ImportResult<LabeledText> ImportDelimited(Stream stream, string fileName, char separator, ClassificationImportOptions? options = null)
    {
        options ??= new();
        var text = TextLines.Decode(stream, fileName);
        var rows = new List<(int Line, string Text, string Label, string? Split)>();
        int textCol = -1, labelCol = -1, splitCol = -1, width = 0;
        foreach (var (line, fields) in CsvReader.Read(text, separator, fileName))
        {
            if (textCol < 0)
            {
                var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
                textCol = Find(header, options.TextField, TextNames);
                labelCol = Find(header, options.LabelField, LabelNames);
                splitCol = Array.IndexOf(header, "split");
                width = header.Length;
                if (textCol < 0 || labelCol < 0)
                {
                    throw new DatasetFormatException(fileName, line, $"the header must name a text column ({string.Join("/", TextNames)}) and a label column ({string.Join("/", LabelNames)}); found: {string.Join(", ", header)}.");
                }

                continue;
            }

            if (fields.Length != width)
            {
                throw new DatasetFormatException(fileName, line, $"expected {width} fields like the header, found {fields.Length}.");
            }

            rows.Add((line, fields[textCol], fields[labelCol], splitCol >= 0 ? fields[splitCol] : null));
        }

        return Finish(rows, fileName, options);
    }

    public static ImportResult<LabeledText> ImportJsonLines(Stream stream, string fileName, ClassificationImportOptions? options = null)
    {
        options ??= new();
        var rows = new List<(int Line, string Text, string Label, string? Split)>();
        foreach (var (number, line) in TextLines.Read(stream, fileName))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException ex)
            {
                throw new DatasetFormatException(fileName, number, $"invalid JSON ({ex.Message}).");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException(fileName, number, "each line must be a JSON object.");
            }

            var textValue = Field(root, options.TextField, TextNames) ?? throw new DatasetFormatException(fileName, number, $"no text field ({options.TextField ?? string.Join("/", TextNames)}).");
            var labelValue = Field(root, options.LabelField, LabelNames) ?? throw new DatasetFormatException(fileName, number, $"no label field ({options.LabelField ?? string.Join("/", LabelNames)}).");
            rows.Add((number, textValue, labelValue, Field(root, null, ["split"])));
        }

        return Finish(rows, fileName, options);
    }

    private static ImportResult<LabeledText> Finish(List<(int Line, string Text, string Label, string? Split)> rows, string fileName, ClassificationImportOptions options)
    {
        var notes = new List<string>();
        var items = new List<LabeledText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var (line, text, label, split) in rows)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new DatasetFormatException(fileName, line, "the text is empty.");
            if (string.IsNullOrWhiteSpace(label)) throw new DatasetFormatException(fileName, line, "the label is empty.");
            if (options.DropDuplicates && !seen.Add(text))
            {
                duplicates++;
                continue;
            }

            Split? parsed = split?.Trim().ToLowerInvariant() switch
            {
                null or "" => null,
                "train" => Split.Train,
                "test" => Split.Test,
                "dev" or "validation" or "valid" => Split.Dev,
                var other => throw new DatasetFormatException(fileName, line, $"split '{other}' is not train, test or dev."),
            };
            items.Add(new LabeledText(text.Trim(), label.Trim(), parsed ?? Split.Train));
        }

        TextLines.RequireItems(items, fileName);
        if (duplicates > 0) notes.Add($"{duplicates} duplicate text(s) dropped.");
        if (rows.All(r => string.IsNullOrWhiteSpace(r.Split)))
        {
            items = SeededSplit.Assign(items, options.TestFraction, options.SplitSeed);
            notes.Add($"No split column: {options.TestFraction:P0} assigned to test by a seeded shuffle (seed {options.SplitSeed}).");
        }

        if (items.Select(i => i.Label).Distinct().Count() < 2)
        {
            throw new DatasetFormatException(fileName, 0, "classification needs at least two different labels.");
        }

        return new ImportResult<LabeledText>(items, duplicates, notes);
    }

    private static int Find(string[] header, string? wanted, string[] defaults) =>
        wanted is not null ? Array.IndexOf(header, wanted.ToLowerInvariant()) : defaults.Select(d => Array.IndexOf(header, d)).FirstOrDefault(i => i >= 0, -1);

    private static string? Field(JsonElement root, string? wanted, string[] defaults)
    {
        foreach (var name in wanted is not null ? [wanted] : defaults)
        {
            if (root.TryGetProperty(name, out var value))
            {
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
        }

        return null;
    }
}
