namespace EmbedDashboard.Core.Embeddings;

/// <summary>
/// A place embedders come from that a user may delete from (imported models, models trained here). The model
/// library asks each in turn, after checking that no queued or running work still needs the embedder.
/// </summary>
public interface IRemovableEmbedders
{
    bool Owns(string id);

    /// <summary>Embedders of this source that cannot work without <paramref name="id"/> (e.g. a PCA reduction of it).</summary>
    IEnumerable<string> DependentsOf(string id) => [];

    /// <summary>Unregisters the embedder and deletes its files; false when there was none.</summary>
    bool Remove(string id);
}
