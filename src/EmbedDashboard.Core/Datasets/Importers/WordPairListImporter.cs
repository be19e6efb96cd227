namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>Antonym/synonym lists: `w1<TAB>w2[<TAB>relation]`; a missing relation takes the default.</summary>
public static class WordPairListImporter
{
    public static ImportResult<WordPair> Import(Stream stream, string fileName, string defaultRelation = "antonym")
    {
        var items = new List<WordPair>();
        foreach (var (number, line) in TextLines.Read(stream, fileName))
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length is < 2 or > 3 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                throw new DatasetFormatException(fileName, number, $"expected word<TAB>word[<TAB>relation], found {parts.Length} field(s).");
            }

            items.Add(new WordPair(parts[0].Trim().ToLowerInvariant(), parts[1].Trim().ToLowerInvariant(), parts.Length == 3 ? parts[2].Trim().ToLowerInvariant() : defaultRelation));
        }

        TextLines.RequireItems(items, fileName);
        return ImportResult<WordPair>.Of(items);
    }
}
