using System.Text.Json;

namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>
/// SQuAD v1.1/v2.0 JSON: data[].paragraphs[].{context, qas[].{id, question, answers[].{text, answer_start}}}.
/// Every answer span must match the context at answer_start; v2 unanswerable questions are skipped and counted.
/// </summary>
public static class SquadImporter
{
    public static ImportResult<QaExample> Import(Stream stream, string fileName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(TextLines.Decode(stream, fileName));
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException(fileName, (int)(ex.LineNumber ?? -1) + 1, $"invalid JSON ({ex.Message}).");
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(fileName, 0, "not SQuAD format: no top-level \"data\" array.");
            }

            var items = new List<QaExample>();
            var unanswerable = 0;
            foreach (var article in data.EnumerateArray())
            {
                foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
                {
                    var context = paragraph.GetProperty("context").GetString() ?? "";
                    foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                    {
                        var id = qa.TryGetProperty("id", out var idValue) ? idValue.ToString() : $"q{items.Count + unanswerable}";
                        var answers = new List<AnswerSpan>();
                        foreach (var answer in qa.TryGetProperty("answers", out var a) ? a.EnumerateArray() : default)
                        {
                            var text = answer.GetProperty("text").GetString() ?? "";
                            var start = answer.GetProperty("answer_start").GetInt32();
                            if (start < 0 || start + text.Length > context.Length || string.CompareOrdinal(context, start, text, 0, text.Length) != 0)
                            {
                                throw new DatasetFormatException(fileName, 0, $"question '{id}': answer \"{text}\" is not in the context at answer_start {start}.");
                            }

                            answers.Add(new AnswerSpan(start, text));
                        }

                        if (answers.Count == 0)
                        {
                            unanswerable++;
                            continue;
                        }

                        items.Add(new QaExample(id, context, qa.GetProperty("question").GetString() ?? "", answers));
                    }
                }
            }

            TextLines.RequireItems(items, fileName);
            return new ImportResult<QaExample>(items, unanswerable, unanswerable > 0 ? [$"{unanswerable} unanswerable question(s) skipped."] : []);
        }
    }
}
