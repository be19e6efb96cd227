namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>CoNLL NER: `token<TAB>tag` (or space-separated), blank line between sentences, BIO tags.</summary>
public static class ConllImporter
{
    public static ImportResult<TaggedSentence> Import(Stream stream, string fileName, Split split = Split.Train)
    {
        var sentences = new List<TaggedSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();

        void Flush()
        {
            if (tokens.Count > 0) sentences.Add(new TaggedSentence(tokens.ToArray(), tags.ToArray(), split));
            tokens.Clear();
            tags.Clear();
        }

        foreach (var (number, line) in TextLines.Read(stream, fileName))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) continue;
            var parts = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                throw new DatasetFormatException(fileName, number, "expected a token and a tag separated by a tab.");
            }

            var tag = parts[^1];
            if (tag != "O" && !(tag.Length > 2 && (tag.StartsWith("B-", StringComparison.Ordinal) || tag.StartsWith("I-", StringComparison.Ordinal))))
            {
                throw new DatasetFormatException(fileName, number, $"tag '{tag}' is not O, B-TYPE or I-TYPE.");
            }

            tokens.Add(parts[0]);
            tags.Add(tag);
        }

        Flush();
        TextLines.RequireItems(sentences, fileName);
        var types = sentences.SelectMany(s => s.Tags).Where(t => t != "O").Select(t => t[2..]).Distinct().Order(StringComparer.Ordinal);
        return new ImportResult<TaggedSentence>(sentences, 0, [$"Entity types: {string.Join(", ", types)}."]);
    }
}
