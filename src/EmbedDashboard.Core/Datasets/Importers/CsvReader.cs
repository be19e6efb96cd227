using System.Text;

namespace EmbedDashboard.Core.Datasets.Importers;

/// <summary>RFC 4180 records (quoted fields may hold separators, doubled quotes and newlines), with the line each record starts on.</summary>
public static class CsvReader
{
    public static IEnumerable<(int Line, string[] Fields)> Read(string text, char separator, string fileName)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0) yield return (recordLine, fields.ToArray());
                fields.Clear();
                line++;
                recordLine = line;
                atFieldStart = true;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }
        }

        if (quoted)
        {
            throw new DatasetFormatException(fileName, recordLine, "a quoted field is never closed.");
        }

        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Length > 0) yield return (recordLine, fields.ToArray());
    }
}
