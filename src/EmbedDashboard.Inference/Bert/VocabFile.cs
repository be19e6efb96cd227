using System.Text.Json;

namespace EmbedDashboard.Inference.Bert;

/// <summary>BertTokenizer reads a vocab.txt (one token per line, line number = id); checkpoints ship tokenizer.json.</summary>
public static class VocabFile
{
    public static void WriteFromTokenizerJson(string tokenizerJsonPath, string vocabTxtPath)
    {
        if (!File.Exists(tokenizerJsonPath))
        {
            throw new FileNotFoundException($"tokenizer.json not found: {Path.GetFullPath(tokenizerJsonPath)}", tokenizerJsonPath);
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(tokenizerJsonPath));
        var model = doc.RootElement.GetProperty("model");
        if (model.TryGetProperty("type", out var type) && type.GetString() != "WordPiece")
        {
            throw new InvalidDataException($"{tokenizerJsonPath}: tokenizer model is {type.GetString()}, only WordPiece (BERT) is supported.");
        }

        var vocab = model.GetProperty("vocab").EnumerateObject().Select(p => (Token: p.Name, Id: p.Value.GetInt32())).OrderBy(p => p.Id).ToList();
        for (var i = 0; i < vocab.Count; i++)
        {
            if (vocab[i].Id != i)
            {
                throw new InvalidDataException($"{tokenizerJsonPath}: vocabulary ids are not contiguous at {i}.");
            }
        }

        var temp = vocabTxtPath + ".tmp";
        File.WriteAllLines(temp, vocab.Select(v => v.Token));
        File.Move(temp, vocabTxtPath, overwrite: true);
    }
}
