namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>
/// FAQ retrieval pairs: CSV or TSV with a header naming a question column (question/query/title) and an answer column
/// (answer/passage/body), and optionally a source column; without one the file name is the source. Each question
/// should retrieve its own answer among all answers, so a row missing either side is an error, not a skipped line.
/// </summary>
public static class FaqPairImporter
{
    private static readonly string[] QuestionNames = ["question", "query", "title"];
    private static readonly string[] AnswerNames = ["answer", "passage", "body"];

    public static ImportResult<FaqPair> ImportDelimited(Stream stream, string fileName, char separator)
    {
        var text = TextLines.Decode(stream, fileName);
        var items = new List<FaqPair>();
        int question = -1, answer = -1, source = -1, width = 0;
        foreach (var (line, fields) in CsvReader.Read(text, separator, fileName))
        {
            if (question < 0)
            {
                var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
                question = Array.FindIndex(header, h => QuestionNames.Contains(h));
                answer = Array.FindIndex(header, h => AnswerNames.Contains(h));
                source = Array.IndexOf(header, "source");
                width = header.Length;
                if (question < 0 || answer < 0)
                {
                    throw new DatasetFormatException(fileName, line, $"the header must name a question column ({string.Join("/", QuestionNames)}) and an answer column ({string.Join("/", AnswerNames)}); found: {string.Join(", ", header)}.");
                }

                continue;
            }

            if (fields.Length == 1 && fields[0].Trim().Length == 0) continue;
            if (fields.Length != width)
            {
                throw new DatasetFormatException(fileName, line, $"expected {width} fields like the header, found {fields.Length}.");
            }

            var (q, a) = (fields[question].Trim(), fields[answer].Trim());
            if (q.Length == 0 || a.Length == 0)
            {
                throw new DatasetFormatException(fileName, line, $"the {(q.Length == 0 ? "question" : "answer")} is empty; every row needs both.");
            }

            items.Add(new FaqPair(q, a, source >= 0 && fields[source].Trim().Length > 0 ? fields[source].Trim() : fileName));
        }

        TextLines.RequireItems(items, fileName);
        return ImportResult<FaqPair>.Of(items);
    }
}
