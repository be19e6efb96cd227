using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Import;

/// <summary>Reads a user's word-vectors file (GloVe/word2vec text or binary, optionally gzip) for the catalogue.</summary>
internal static class WordVectorImport
{
    public sealed record Read_(WordVectors Vectors, string FormatName, IReadOnlyList<string> Notes);

    public static Read_ Read(string path, long maxBytes, CancellationToken cancellationToken) =>
        throw new ModelImportException("TEMPORARY: word-vector reader not integrated yet.");
}
