namespace EmbedDashboard.Core.Embeddings;

/// <summary>All embedders the app can use now (installed general ones plus those trained in the app).</summary>
public interface IEmbedderRegistry
{
    IReadOnlyList<EmbedderInfo> Installed { get; }

    /// <summary>Problems found while loading (e.g. a model file missing), shown on the Models page.</summary>
    IReadOnlyList<string> LoadErrors { get; }

    /// <summary>Throws <see cref="UnknownEmbedderException"/> with the known ids when the id is not installed.</summary>
    IEmbedder Get(string id);

    IWordLevelEmbedder? GetWordLevel(string id);
}

public sealed class UnknownEmbedderException(string id, IEnumerable<string> known)
    : Exception($"Unknown embedder '{id}'. Installed: {string.Join(", ", known)}.")
{
    public string EmbedderId { get; } = id;
}
