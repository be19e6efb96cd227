namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>questions-words.txt: ": section" headers, then "a b c d" lines (lower-cased, like gensim).</summary>
public static class AnalogyImporter
{
    public static ImportResult<AnalogyQuestion> Import(Stream stream, string fileName)
    {
        var items = new List<AnalogyQuestion>();
        string? section = null;
        foreach (var (number, line) in TextLines.Read(stream, fileName))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.StartsWith(':'))
            {
                section = line[1..].Trim();
                continue;
            }

            if (section is null)
            {
                throw new DatasetFormatException(fileName, number, "a question comes before any ': section' header.");
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 4)
            {
                throw new DatasetFormatException(fileName, number, $"expected 4 words (a b c d), found {words.Length}.");
            }

            items.Add(new AnalogyQuestion(section, words[0].ToLowerInvariant(), words[1].ToLowerInvariant(), words[2].ToLowerInvariant(), words[3].ToLowerInvariant()));
        }

        TextLines.RequireItems(items, fileName);
        return ImportResult<AnalogyQuestion>.Of(items);
    }
}
