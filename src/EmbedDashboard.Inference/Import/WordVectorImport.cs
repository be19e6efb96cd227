using EmbedDashboard.Inference.Import.Vectors;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Import;

/// <summary>Reads a user's word-vectors file (GloVe/word2vec text or binary, optionally gzip) for the catalogue.</summary>
internal static class WordVectorImport
{
    public sealed record Outcome(WordVectors Vectors, string FormatName, IReadOnlyList<string> Notes);

    public static Outcome Read(string path, long maxBytes, IProgress<string>? log, CancellationToken cancellationToken)
    {
        var lastReported = -1;
        var progress = log is null ? null : new Progress<double>(f =>
        {
            var percent = (int)(f * 100);
            if (percent / 10 == lastReported / 10) return;
            lastReported = percent;
            log.Report($"Reading word vectors… {percent}%");
        });
        var result = WordVectorFileReader.Read(path, new WordVectorReadOptions { MaxBytes = maxBytes }, progress, cancellationToken);
        var notes = new List<string> { $"{result.Vectors.Count:N0} words × {result.Vectors.Dimension} dimensions, in the file's order (analogy search takes the first N as the most frequent)." };
        if (result.BlankLinesSkipped > 0) notes.Add($"{result.BlankLinesSkipped:N0} blank line(s) skipped.");
        return new Outcome(result.Vectors, result.Format + (result.Gzipped ? ", gzip" : ""), notes);
    }
}
