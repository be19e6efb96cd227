using System.Text.Json;
using EmbedDashboard.Training.Artifacts;

namespace EmbedDashboard.Training.Tagger;

/// <summary>
/// A trained tagger's table and vocabulary on disk: table.bin (rows × dimension float32, words then
/// buckets, the fastText tables' layout), words.txt (one word per line, row order) and tagger.json
/// (how words map to rows). Only what the embedder needs: the tagging head (W, b, padding) is not
/// kept. <see cref="Save"/> fits <see cref="TrainedArtifactStore.Save"/>'s writeFiles callback.
/// </summary>
public sealed record TaggerTable(TaggerVocabulary Vocabulary, float[] Table, int Dimension)
{
    public const string MetadataFile = "tagger.json";
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static TaggerTable From(WindowTaggerTrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TaggerTable(result.Vocabulary, result.Model.Embeddings, result.Model.Dimension);
    }

    public void Save(string folder)
    {
        if (Table.Length != (long)Vocabulary.Rows * Dimension) throw new InvalidOperationException($"The table has {Table.Length} floats; {Vocabulary.Rows} rows × {Dimension} need {(long)Vocabulary.Rows * Dimension}.");
        // One word per line: a word with a line break would shift every row after it.
        var bad = Vocabulary.Words.FirstOrDefault(w => w.Length == 0 || w.AsSpan().IndexOfAny('\r', '\n') >= 0);
        if (bad is not null) throw new InvalidOperationException($"The word '{bad.ReplaceLineEndings(" ")}' cannot be written one per line.");
        Directory.CreateDirectory(folder);
        FloatFile.Write(Path.Combine(folder, TableFiles.Table), Table);
        File.WriteAllLines(Path.Combine(folder, TableFiles.Words), Vocabulary.Words);
        var metadata = new TaggerTableMetadata(FormatVersion, Dimension, Vocabulary.Words.Count, Vocabulary.Buckets, Vocabulary.LowerCase);
        File.WriteAllText(Path.Combine(folder, MetadataFile), JsonSerializer.Serialize(metadata, Json));
    }

    /// <summary>Reads a saved table; a file that does not fit the others is an <see cref="InvalidDataException"/> naming it.</summary>
    public static TaggerTable Load(string folder)
    {
        var metadataPath = Path.Combine(folder, MetadataFile);
        TaggerTableMetadata metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<TaggerTableMetadata>(File.ReadAllText(metadataPath), Json) ?? throw new InvalidDataException($"{Path.GetFullPath(metadataPath)} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path.GetFullPath(metadataPath)} is not valid: {ex.Message}", ex);
        }

        if (metadata.FormatVersion != FormatVersion) throw new InvalidDataException($"{Path.GetFullPath(metadataPath)} has format {metadata.FormatVersion}; this version reads {FormatVersion}.");
        if (metadata.Dimension is < 1 or > 1000 || metadata.Buckets < 0) throw new InvalidDataException($"{Path.GetFullPath(metadataPath)} has dimension {metadata.Dimension} and {metadata.Buckets} buckets.");
        var wordsPath = Path.Combine(folder, TableFiles.Words);
        var words = File.ReadAllLines(wordsPath);
        if (words.Length != metadata.Words) throw new InvalidDataException($"{Path.GetFullPath(wordsPath)} has {words.Length:N0} words; {MetadataFile} says {metadata.Words:N0}.");
        TaggerVocabulary vocabulary;
        try
        {
            vocabulary = new TaggerVocabulary(words, metadata.Buckets, metadata.LowerCase);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{Path.GetFullPath(wordsPath)}: {ex.Message}", ex);
        }

        var table = FloatFile.Read(Path.Combine(folder, TableFiles.Table), (long)vocabulary.Rows * metadata.Dimension);
        return new TaggerTable(vocabulary, table, metadata.Dimension);
    }
}

/// <summary>tagger.json: how a saved tagger table maps words to rows.</summary>
public sealed record TaggerTableMetadata(int FormatVersion, int Dimension, int Words, int Buckets, bool LowerCase);
